package ru.fioco.training.platform.personaldata;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.json.PersonalDataModule;

/**
 * The service's key vault, installed into the event JSON before anything is written or read: the event store, the
 * publisher and the consumers inject it, so it starts first.
 */
@ApplicationScoped
public class KeyVaultRuntime {

    @ConfigProperty(name = "platform.personal-data.key-vault.connection-string")
    String connectionString;

    @ConfigProperty(name = "platform.personal-data.key-vault.namespace", defaultValue = "keyvault.datakeys")
    String namespace;

    @ConfigProperty(name = "platform.personal-data.master-key")
    String masterKey;

    @ConfigProperty(name = "platform.personal-data.key-cache", defaultValue = "PT30S")
    Duration keyCache;

    private KeyVault vault;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        vault();
    }

    @PostConstruct
    void start() {
        vault = new KeyVault(connectionString, namespace, masterKey, keyCache);
        PersonalDataModule.useCipher(vault);
    }

    @PreDestroy
    void stop() {
        PersonalDataModule.useCipher(null);
        vault.close();
    }

    public KeyVault vault() {
        return vault;
    }
}
