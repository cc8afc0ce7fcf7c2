package ru.fioco.training.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jboss.logging.Logger;

import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.platform.personaldata.KeyVaultRuntime;

/**
 * Destroys the key of a person whose data staff erased. Its own tracking processor over this service's event store:
 * the event is stored first, then the key goes; a crash between the two is caught up at the next start, and
 * destroying a key already gone does nothing, so a replay does no harm. Every service shares the key vault, so one
 * destruction reaches every copy in every service (each within its key cache time).
 */
@ApplicationScoped
@ProcessingGroup(PersonalDataErasurePolicy.PROCESSING_GROUP)
public class PersonalDataErasurePolicy {

    public static final String PROCESSING_GROUP = "personal-data-erasure";
    private static final Logger LOG = Logger.getLogger(PersonalDataErasurePolicy.class);

    @Inject
    KeyVaultRuntime keyVault;

    @EventHandler
    void on(PersonalDataErased event) {
        if (keyVault.vault().erase(event.keyName())) {
            LOG.infof("personal data of %s in application %s destroyed (erasure %s)", event.keyName(),
                    event.applicationId(), event.erasureId());
        }
    }

    @EventHandler
    void on(RepresentativeDataErased event) {
        if (keyVault.vault().erase(event.keyName())) {
            LOG.infof("personal data of %s destroyed (erasure %s)", event.keyName(), event.erasureId());
        }
    }
}
