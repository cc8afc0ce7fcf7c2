package ru.fioco.training.application.query.history;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;

import ru.fioco.training.application.api.RepresentativeConfirmed;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.application.api.RepresentativeEvent;
import ru.fioco.training.application.api.RepresentativeProfileChanged;
import ru.fioco.training.application.api.RepresentativeRefused;
import ru.fioco.training.application.api.RepresentativeRegistered;
import ru.fioco.training.application.api.RepresentativeRevoked;
import ru.fioco.training.application.api.RepresentativeSettingsChanged;
import ru.fioco.training.platform.api.EventMapping;
import ru.fioco.training.platform.axon.AxonRuntime;
import ru.fioco.training.platform.axon.EventStoreSetup;
import ru.fioco.training.platform.json.EventJson;

/**
 * Who represented which organisation, and who decided: a representative's events from this service's event store,
 * in order, each with a Russian line; for auditors masked as application histories are (names as initials, the
 * rest of the personal data and the actors hidden).
 */
@ApplicationScoped
public class RepresentativeHistory {

    /** One event: its type, when, who acted (null for auditors), a line to read, and the event's data. */
    public record Entry(String type, Instant at, String actor, String summary, JsonNode data) {
    }

    private static final EventMapping<RepresentativeEvent, String> LINES =
            EventMapping.<RepresentativeEvent, String>of(RepresentativeEvent.class, "representative history lines")
                    .map(RepresentativeRegistered.class, e -> "Запрос: представлять организацию с ИНН "
                            + e.organisationInn() + "; принято соглашение об обработке персональных данных (редакция "
                            + e.agreementVersion() + ")")
                    .map(RepresentativeProfileChanged.class, e -> "Изменены личные данные")
                    .map(RepresentativeSettingsChanged.class, e -> "Изменены настройки: заявки на обучение — "
                            + yesNo(e.settings().trainingApplications()) + ", в техническую поддержку — "
                            + yesNo(e.settings().supportRequests()) + ", на мероприятия — "
                            + yesNo(e.settings().eventApplications()))
                    .map(RepresentativeConfirmed.class, e -> "Институт подтвердил представительство организации с ИНН "
                            + e.organisationInn())
                    .map(RepresentativeRefused.class, e -> "Институт отказал в подтверждении")
                    .map(RepresentativeRevoked.class, e -> "Институт отозвал подтверждение")
                    .map(RepresentativeDataErased.class, e -> "Персональные данные уничтожены ("
                            + e.basis().title() + "); учётная запись удалена")
                    .build();

    @Inject
    AxonRuntime axon;

    public List<Entry> of(String representativeId, boolean forAuditor) {
        return axon.configuration().eventStore().readEvents(representativeId).asStream()
                .filter(m -> m.getPayload() instanceof RepresentativeEvent)
                .map(m -> entry(m, forAuditor)).toList();
    }

    private static Entry entry(DomainEventMessage<?> m, boolean forAuditor) {
        RepresentativeEvent event = (RepresentativeEvent) m.getPayload();
        JsonNode data = EventJson.plainTree(event);
        Object actor = m.getMetaData().get(EventStoreSetup.ACTOR);
        return new Entry(event.getClass().getSimpleName(), m.getTimestamp(),
                forAuditor || actor == null ? null : actor.toString(), LINES.apply(event).orElseThrow(),
                forAuditor ? PersonalDataMask.mask(data, event.getClass()) : data);
    }

    private static String yesNo(boolean value) {
        return value ? "да" : "нет";
    }
}
