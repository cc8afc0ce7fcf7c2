package ru.fioco.training.platform.accesslog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.json.EventJson;
import ru.fioco.training.platform.kafka.KafkaClients;
import ru.fioco.training.platform.mongo.ServiceDatabase;

/**
 * Runs the service's {@link AccessLogShipper} from start to shutdown: every {@code platform.access-log.shipping.period}
 * it sends what was logged since. Replicas may ship the same entry twice; the receiver keeps it once.
 */
@ApplicationScoped
public class AccessLogShipping {

    private static final Logger LOG = Logger.getLogger(AccessLogShipping.class);

    @Inject
    ServiceDatabase database;

    @Inject
    KafkaClients kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "platform.access-log.shipping.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "platform.access-log.shipping.period", defaultValue = "PT1S")
    Duration period;

    private ScheduledExecutorService executor;
    private AccessLogShipper shipper;

    public boolean enabled() {
        return enabled;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        if (!enabled) {
            return;
        }
        String client = "access-log-shipper-" + service;
        shipper = new AccessLogShipper(database.collection(AccessLog.COLLECTION),
                () -> new KafkaProducer<>(kafka.settings(AccessLogShipper.producerConfig(client))), EventJson.mapper(),
                200);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "access-log-shipper");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::ship, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ship() {
        try {
            while (shipper.shipOnce() > 0) {
                // a backlog (after a broker outage) goes out batch after batch
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("The access log waits to be shipped (%s); tried again in %s", e.getMessage(), period);
        }
    }

    void stop(@Observes @Priority(5) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shipper.close();
        }
    }
}
