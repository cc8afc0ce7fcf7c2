package ru.fioco.training.application.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationForm.Participant;
import ru.fioco.training.platform.errors.FieldViolation;

/**
 * A participant's id is the server's: a new participant (no id) gets a UUID; a participant the draft already has
 * keeps its id, and with it its uploaded scans; any other id a client sends is refused, so nothing a client
 * invents (of any length) becomes an id. A client matches the answer's participants to its own by their order.
 */
record ParticipantIds(ApplicationForm form, List<FieldViolation> violations) {

    /** @param current the draft's participants so far (none for a new draft) */
    static ParticipantIds assign(ApplicationForm form, List<Participant> current) {
        if (form == null) {
            return new ParticipantIds(null, List.of());
        }
        Set<String> known = new HashSet<>();
        current.stream().filter(Objects::nonNull).forEach(p -> known.add(p.participantId()));
        Set<String> seen = new HashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < form.participants().size(); i++) {
            Participant p = form.participants().get(i);
            if (p == null) {
                participants.add(null);
                continue;
            }
            String id = p.participantId();
            if (id == null || id.isBlank()) {
                participants.add(p.withId(UUID.randomUUID().toString()));
            } else if (!known.contains(id) || !seen.add(id)) {
                violations.add(new FieldViolation("participants[" + i + "].participantId", known.contains(id)
                        ? "участник указан дважды" : "такого участника в заявке нет: новому участнику идентификатор "
                        + "присваивает сервер, не указывайте его"));
                participants.add(p);
            } else {
                participants.add(p);
            }
        }
        return new ParticipantIds(new ApplicationForm(form.applicant(), form.resultDelivery(),
                form.viaProcurementPlatform(), form.comment(), form.paymentTerms(), form.programmeId(),
                form.organisation(), form.personalDataConsent(), participants), violations);
    }

    /** The names of the participant's fields whose values differ. */
    static List<String> changedFields(Participant before, Participant after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : Participant.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(before), c.getAccessor().invoke(after))) {
                    changed.add(c.getName());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }
}
