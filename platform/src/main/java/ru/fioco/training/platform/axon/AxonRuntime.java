package ru.fioco.training.platform.axon;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.mongodb.client.MongoClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ru.fioco.training.platform.personaldata.KeyVaultRuntime;
import ru.fioco.training.platform.runtime.NodeIdentity;

/**
 * Builds, starts and stops the service's Axon configuration with the Quarkus lifecycle, and hands
 * its gateways to CDI. Services contribute through {@link EventSourcingSetup} beans.
 */
@ApplicationScoped
public class AxonRuntime {

    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    @Inject
    MongoClient mongoClient;

    @Inject
    Instance<EventSourcingSetup> setups;

    @Inject
    KeyVaultRuntime keyVault;

    @ConfigProperty(name = "platform.mongodb.database")
    String database;

    @ConfigProperty(name = "platform.event-store.look-back", defaultValue = "PT5S")
    Duration lookBack;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String applicationName;

    private EventStoreSetup eventStoreSetup;
    private Configuration configuration;

    void start(@Observes @Priority(10) StartupEvent event) {
        configuration();
    }

    void stop(@Observes @Priority(10) ShutdownEvent event) {
        Configuration c;
        synchronized (this) {
            c = configuration;
            configuration = null;
        }
        if (c != null) {
            c.shutdown();
        }
    }

    /** The started configuration (built on first use, so producers may run before the startup event). */
    public synchronized Configuration configuration() {
        if (configuration == null) {
            // events are written and read with personal data encrypted: the key vault comes first
            keyVault.vault();
            eventStoreSetup = new EventStoreSetup(mongoClient, database, lookBack,
                    NodeIdentity.of(applicationName));
            Configurer configurer = eventStoreSetup.configurer();
            setups.forEach(s -> s.configure(configurer));
            configuration = configurer.buildConfiguration();
            configuration.start();
            LOG.infof("Axon event store started on MongoDB database %s", database);
        }
        return configuration;
    }

    public synchronized EventStoreSetup eventStoreSetup() {
        configuration();
        return eventStoreSetup;
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration().commandGateway();
    }

    @Produces
    @Singleton
    QueryGateway queryGateway() {
        return configuration().queryGateway();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration().eventStore();
    }
}
