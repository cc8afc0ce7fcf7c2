package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in this JVM: the services send their e-mail to it over SMTP exactly
 * as they would to the institute's mail relay. Tests read what arrived; the local run also writes every
 * message as an {@code .eml} file that any mail program opens.
 */
public final class EmbeddedMail implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;
    private ScheduledExecutorService mailbox;

    private EmbeddedMail(int port) {
        this.port = port;
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.start();
    }

    /** An SMTP server on a free loopback port, accepting mail for any address without authentication. */
    public static EmbeddedMail start() {
        return new EmbeddedMail(FreePorts.pick());
    }

    public static EmbeddedMail start(int port) {
        return new EmbeddedMail(port);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Every message received so far, in arrival order. */
    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The messages received for one address. */
    public List<MimeMessage> receivedFor(String address) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** How many messages for {@code address} carry the header {@code name} with {@code value} (e.g. the notice id). */
    public long countFor(String address, String name, String value) {
        return receivedFor(address).stream().filter(m -> {
            try {
                String[] header = m.getHeader(name);
                return header != null && value.equals(header[0]);
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    /** Keeps a copy of every arriving message as {@code NNNNN.eml} in {@code directory}, for a person to open. */
    public void copyTo(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mailbox = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devstack-mail-copy");
            t.setDaemon(true);
            return t;
        });
        int[] fileNumber = {countEml(directory)};
        int[] copiedThisRun = {0};
        mailbox.scheduleWithFixedDelay(() -> {
            MimeMessage[] all = greenMail.getReceivedMessages(); // arrival order; the server starts empty each run
            for (; copiedThisRun[0] < all.length; copiedThisRun[0]++) {
                Path file = directory.resolve(String.format("%05d.eml", ++fileNumber[0]));
                try (OutputStream out = Files.newOutputStream(file)) {
                    all[copiedThisRun[0]].writeTo(out);
                } catch (IOException | MessagingException e) {
                    return; // tried again on the next pass
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private static int countEml(Path directory) {
        try (var files = Files.list(directory)) {
            return (int) files.filter(f -> f.toString().endsWith(".eml")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (mailbox != null) {
            mailbox.shutdownNow();
        }
        greenMail.stop();
    }
}
