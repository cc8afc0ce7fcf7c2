package ru.fioco.training.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import ru.fioco.training.application.api.RepresentativeConfirmed;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.application.api.RepresentativeProfile;
import ru.fioco.training.application.api.RepresentativeProfileChanged;
import ru.fioco.training.application.api.RepresentativeRefused;
import ru.fioco.training.application.api.RepresentativeRegistered;
import ru.fioco.training.application.api.RepresentativeRevoked;
import ru.fioco.training.application.api.RepresentativeSettings;
import ru.fioco.training.application.api.RepresentativeSettingsChanged;
import ru.fioco.training.application.api.RepresentativeStatus;
import ru.fioco.training.application.domain.RepresentativeCommands.ChangeSettings;
import ru.fioco.training.application.domain.RepresentativeCommands.Confirm;
import ru.fioco.training.application.domain.RepresentativeCommands.EraseData;
import ru.fioco.training.application.domain.RepresentativeCommands.Refuse;
import ru.fioco.training.application.domain.RepresentativeCommands.Register;
import ru.fioco.training.application.domain.RepresentativeCommands.Revoke;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;

/**
 * A person who represents, or asks to represent, an organisation (seed 002 l.5–7): typing an INN makes nobody a
 * school's representative; the institute confirms the request or refuses it, and can revoke a confirmed one. The
 * aggregate is the person (the identity provider's subject), so one person represents one organisation at a time.
 */
public class Representative {

    @AggregateIdentifier
    private String representativeId;
    private RepresentativeStatus status;
    private String organisationInn;
    private RepresentativeProfile profile;
    private RepresentativeSettings settings;

    protected Representative() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Register command, Clock clock) {
        requireNotErased();
        RepresentativeRules.Review review = RepresentativeRules.review(command.profile(), command.inn());
        List<FieldViolation> violations = new ArrayList<>(review.violations());
        if (!command.agreementAccepted()) {
            violations.add(new FieldViolation("agreementAccepted",
                    "примите соглашение об обработке персональных данных"));
        } else if (!PersonalDataAgreement.CURRENT_VERSION.equals(command.agreementVersion())) {
            violations.add(new FieldViolation("agreementVersion", "соглашение обновлено: прочитайте действующую "
                    + "редакцию от " + PersonalDataAgreement.CURRENT_VERSION + " и примите её"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        RepresentativeSettings wanted = command.settings() == null
                ? settings == null ? RepresentativeSettings.forTraining() : settings : command.settings();
        if (status == RepresentativeStatus.CONFIRMED) {
            if (!review.inn().equals(organisationInn)) {
                throw ConflictException.ofRule("organisation-confirmed", "inn", "Вы подтверждены представителем "
                        + "организации с ИНН " + organisationInn + "; чтобы представлять другую, попросите институт "
                        + "отозвать подтверждение", Map.of("organisationInn", organisationInn));
            }
            if (!review.profile().equals(profile)) {
                apply(new RepresentativeProfileChanged(command.representativeId(), review.profile()));
            }
            if (!wanted.equals(settings)) {
                apply(new RepresentativeSettingsChanged(command.representativeId(), wanted));
            }
            return;
        }
        if (status == RepresentativeStatus.PENDING && review.inn().equals(organisationInn)
                && review.profile().equals(profile) && wanted.equals(settings)) {
            return; // the same request again
        }
        apply(new RepresentativeRegistered(command.representativeId(), review.inn(), review.profile(), wanted,
                PersonalDataAgreement.CURRENT_VERSION, clock.instant()));
    }

    @CommandHandler
    void handle(ChangeSettings command) {
        requireNotErased();
        if (command.settings() == null) {
            throw new InvalidInputException("settings", "укажите настройки");
        }
        if (!command.settings().equals(settings)) {
            apply(new RepresentativeSettingsChanged(representativeId, command.settings()));
        }
    }

    @CommandHandler
    void handle(Confirm command) {
        if (command.inn() == null || command.inn().isBlank()) {
            throw new InvalidInputException("organisationInn", "укажите ИНН организации, которую вы проверили");
        }
        if (status == RepresentativeStatus.CONFIRMED && organisationInn.equals(command.inn())) {
            return; // confirmed already: the same decision again
        }
        requirePending("подтвердить");
        if (!organisationInn.equals(command.inn().strip())) {
            throw ConflictException.ofRule("request-changed", "organisationInn", "Запрос изменился: теперь указан ИНН "
                    + organisationInn + ". Проверьте его и подтвердите снова", Map.of("organisationInn", organisationInn));
        }
        apply(new RepresentativeConfirmed(representativeId, organisationInn));
    }

    @CommandHandler
    void handle(Refuse command) {
        String reason = requireReason(command.reason());
        requirePending("отклонить");
        apply(new RepresentativeRefused(representativeId, organisationInn, reason));
    }

    @CommandHandler
    void handle(Revoke command) {
        String reason = requireReason(command.reason());
        if (status != RepresentativeStatus.CONFIRMED) {
            throw new ConflictException("Отозвать можно только подтверждённое представительство (сейчас: "
                    + status.title() + ")", Map.of("status", status.name()));
        }
        apply(new RepresentativeRevoked(representativeId, organisationInn, reason));
    }

    @CommandHandler
    void handle(EraseData command, Clock clock) {
        if (status == null) {
            throw new NotFoundException("Представитель не найден");
        }
        if (command.basis() == null) {
            throw new InvalidInputException("basis", "укажите основание уничтожения");
        }
        if (status == RepresentativeStatus.ERASED) {
            throw ConflictException.ofRule("already-erased", "representativeId",
                    "Данные этого представителя уже уничтожены", Map.of("status", status.name()));
        }
        if (status == RepresentativeStatus.PENDING || status == RepresentativeStatus.CONFIRMED) {
            // an acting representative (or one asking to act) is processed under the agreement: decide first
            throw ConflictException.ofRule("representation-active", "representativeId", "Представитель "
                    + status.title() + ": сначала " + (status == RepresentativeStatus.PENDING ? "откажите в подтверждении"
                    : "отзовите подтверждение") + ", затем уничтожайте данные", Map.of("status", status.name()));
        }
        apply(new RepresentativeDataErased(representativeId, command.erasureId(), command.basis(), command.erasedBy(),
                clock.instant()));
    }

    /** Nothing of an erased person is kept again under their key (it is destroyed); a new account registers anew. */
    private void requireNotErased() {
        if (status == RepresentativeStatus.ERASED) {
            throw ConflictException.ofRule("erased", "representativeId", "Персональные данные этой учётной записи "
                    + "уничтожены. Зарегистрируйтесь с новой учётной записью", Map.of("status", status.name()));
        }
    }

    private void requirePending(String what) {
        if (status == null) {
            throw new NotFoundException("Представитель не найден");
        }
        if (status != RepresentativeStatus.PENDING) {
            throw new ConflictException("Запрос уже рассмотрен (" + status.title() + "): " + what + " его нельзя",
                    Map.of("status", status.name()));
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "укажите причину");
        }
        if (reason.length() > RepresentativeRules.MAX_REASON) {
            throw new InvalidInputException("reason", "не длиннее " + RepresentativeRules.MAX_REASON + " символов");
        }
        return reason.strip();
    }

    @EventSourcingHandler
    void on(RepresentativeRegistered e) {
        representativeId = e.representativeId();
        status = RepresentativeStatus.after(status, e);
        organisationInn = e.organisationInn();
        profile = e.profile();
        settings = e.settings();
    }

    @EventSourcingHandler
    void on(RepresentativeProfileChanged e) {
        profile = e.profile();
    }

    @EventSourcingHandler
    void on(RepresentativeSettingsChanged e) {
        settings = e.settings();
    }

    @EventSourcingHandler
    void on(RepresentativeConfirmed e) {
        status = RepresentativeStatus.after(status, e);
    }

    @EventSourcingHandler
    void on(RepresentativeRefused e) {
        status = RepresentativeStatus.after(status, e);
    }

    @EventSourcingHandler
    void on(RepresentativeRevoked e) {
        status = RepresentativeStatus.after(status, e);
    }

    @EventSourcingHandler
    void on(RepresentativeDataErased e) {
        status = RepresentativeStatus.after(status, e);
        profile = null;
    }
}
