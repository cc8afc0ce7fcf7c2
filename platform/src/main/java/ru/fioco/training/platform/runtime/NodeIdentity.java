package ru.fioco.training.platform.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Who this process is, for claims and leases (event processors' tokens, the publisher, the mail and reminder
 * passes). {@code name@pid} is not enough: in containers every process is pid 1, so two replicas would share one
 * identity and take each other's claims for their own. The host name (a pod's name) plus a random part drawn at
 * start differs between any two processes, also between a process and its restart.
 */
public final class NodeIdentity {

    private static final String ID = host() + "-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    private NodeIdentity() {
    }

    public static String of(String applicationName) {
        return applicationName + "@" + ID;
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
