package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the platform's services running as its own operating-system process from its packaged
 * Quarkus application ({@code <module>/service/target/quarkus-app/quarkus-run.jar}), as it would in
 * production: its own JVM, configured only through environment variables.
 */
public final class ServiceProcess {

    /**
     * System property: "true" runs the services with the JIT production uses (tiered up to C2), as the benchmark
     * must; otherwise C1 only, which starts faster and is what the local run and the tests want.
     */
    public static final String PRODUCTION_JIT = "devstack.production-jit";

    private final String name;
    private final int port;
    private final Path jar;
    private final Path logFile;
    private final Map<String, String> environment;
    private Process process;
    private volatile boolean ready;

    public ServiceProcess(String name, int port, Path jar, Path logFile, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
        this.environment = Map.copyOf(environment);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path jar() {
        return jar;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing (run ./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-Ddisable-axoniq-console-message=true"));
        if (!Boolean.getBoolean(PRODUCTION_JIT)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Started and answered ready since: what a load balancer would send requests to. */
    public boolean isReady() {
        return ready && isAlive();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the service reports ready on {@code /q/health/ready}. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + logFile);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /** Graceful stop (SIGTERM: Quarkus shuts down cleanly), then a hard kill if it hangs. */
    public synchronized void stop(Duration grace) {
        ready = false;
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Abrupt stop (SIGKILL), as a crashed machine would: no shutdown hooks, nothing flushed. */
    public synchronized void kill() {
        ready = false;
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
