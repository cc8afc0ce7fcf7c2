package ru.fioco.training.application.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.axonframework.commandhandling.gateway.CommandGateway;

import ru.fioco.training.application.api.PersonalDataErased;
import ru.fioco.training.application.api.RepresentativeDataErased;
import ru.fioco.training.application.api.RepresentativeProfile;
import ru.fioco.training.application.api.RepresentativeSettings;
import ru.fioco.training.application.api.RepresentativeStatus;
import ru.fioco.training.application.domain.PersonalDataAgreement;
import ru.fioco.training.application.domain.RepresentativeCommands.ChangeSettings;
import ru.fioco.training.application.domain.RepresentativeCommands.Confirm;
import ru.fioco.training.application.domain.RepresentativeCommands.EraseData;
import ru.fioco.training.application.domain.RepresentativeCommands.Refuse;
import ru.fioco.training.application.domain.RepresentativeCommands.Register;
import ru.fioco.training.application.domain.RepresentativeCommands.Revoke;
import ru.fioco.training.application.query.DestructionAct;
import ru.fioco.training.application.query.RepresentativeRegistry;
import ru.fioco.training.application.query.history.RepresentativeHistory;
import ru.fioco.training.platform.accesslog.AccessLog;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;
import ru.fioco.training.platform.web.QueryParams;

/**
 * Representatives of organisations (seed 002 l.5–7, Рис. 1а/1б): a person signed in with the identity provider
 * registers as the representative of an organisation by its INN; staff confirm or refuse the request and can revoke
 * a confirmed one; the person keeps their profile and settings. The login and the e-mail are the identity provider's
 * (from the token); the rest is the person's.
 */
@Path("/representatives")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RepresentativeResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 1000;
    static final int MAX_QUERY = 100;

    /** The registration form: the profile of Рис. 1б, the organisation's INN, the agreement, the settings. */
    public record Registration(String surname, String name, String patronymic, String organisationName,
            String position, String education, String phone, String email, String inn, String agreementVersion,
            boolean agreementAccepted, RepresentativeSettings settings) {
    }

    /** Staff's decision to confirm, naming the organisation they checked. */
    public record Confirmation(String organisationInn) {
    }

    /** The agreement on personal-data processing, in the version a registration accepts. */
    public record Agreement(String version, String title, String text) {
    }

    /** Staff's erasure of a former representative's data: on what ground. */
    public record RepresentativeErasure(String basis) {
    }

    /** What the person sees of their own registration, and what the cabinet may offer them. */
    public record Mine(RepresentativeRegistry.View registration, boolean mayDraft, boolean maySubmit) {
    }

    @Inject
    CommandGateway commands;

    @Inject
    RepresentativeRegistry registry;

    @Inject
    RepresentativeHistory history;

    @Inject
    Caller caller;

    @Inject
    Representation representation;

    @Inject
    DestructionAct acts;

    @Inject
    AccessLog accessLog;

    @GET
    @Path("/agreement")
    public Agreement agreement() {
        String resource = PersonalDataAgreement.resource(PersonalDataAgreement.CURRENT_VERSION);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new Agreement(PersonalDataAgreement.CURRENT_VERSION,
                    "Соглашение об обработке персональных данных", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's own registration (404 before they registered). */
    @GET
    @Path("/me")
    @RolesAllowed(Roles.REPRESENTATIVE)
    public Mine mine() {
        RepresentativeRegistry.View view = registry.find(caller.subject())
                .orElseThrow(() -> new NotFoundException("Вы ещё не зарегистрированы как представитель организации"));
        boolean confirmed = representation.confirmedInn().isPresent();
        return new Mine(view, confirmed || view.status() == RepresentativeStatus.PENDING, confirmed);
    }

    /**
     * Registers the caller as the representative of the organisation of {@code inn}, asks again after a refusal or a
     * revocation, or changes a confirmed representative's profile and settings. Answers with the registration as
     * it stands once the command is done.
     */
    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public void register(Registration form) {
        if (form == null) {
            throw new InvalidInputException("body", "нужна форма регистрации");
        }
        // the login and the confirmed e-mail are the identity provider's; a token without them (a script's) keeps
        // what the form says
        String login = caller.claim("preferred_username").orElse(caller.subject());
        String email = caller.claim("email").orElse(form.email());
        RepresentativeProfile profile = new RepresentativeProfile(form.surname(), form.name(), form.patronymic(),
                form.organisationName(), form.position(), form.education(), email, form.phone(), login);
        commands.sendAndWait(new Register(caller.subject(), form.inn(), profile, form.settings(),
                form.agreementVersion(), form.agreementAccepted()), caller.commandMetaData());
    }

    @PUT
    @Path("/me/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPRESENTATIVE)
    public void settings(RepresentativeSettings settings) {
        // the person's own aggregate, not the registry (which may lag the registration just made): none is a 404
        commands.sendAndWait(new ChangeSettings(caller.subject(), settings), caller.commandMetaData());
    }

    /** Staff's list: the requests awaiting a decision first by default; auditors read it without personal data. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public RepresentativeRegistry.Page list(@QueryParam("status") String status, @QueryParam("q") String text,
            @QueryParam("page") String pageText, @QueryParam("size") String sizeText) {
        List<FieldViolation> problems = new ArrayList<>();
        RepresentativeStatus wanted = null;
        if (status != null) {
            try {
                wanted = RepresentativeStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldViolation("status", "возможные: " + List.of(RepresentativeStatus.values())));
            }
        }
        if (text != null && text.length() > MAX_QUERY) {
            problems.add(new FieldViolation("q", "не длиннее " + MAX_QUERY + " символов"));
        }
        int page = QueryParams.integer("page", pageText, 0, 0, MAX_PAGE, problems);
        int size = QueryParams.integer("size", sizeText, 20, 1, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RepresentativeRegistry.Page found = registry.list(wanted, text, page, size);
        return caller.isStaff() ? found : new RepresentativeRegistry.Page(found.items().stream()
                .map(RepresentativeResource::forAuditor).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public RepresentativeRegistry.View one(@PathParam("id") String id) {
        RepresentativeRegistry.View view = registry.find(id)
                .orElseThrow(() -> new NotFoundException("Представитель не найден"));
        if (!caller.isStaff()) {
            return forAuditor(view);
        }
        accessLog.viewed(AccessLog.Kind.REPRESENTATIVE_READ, null, List.of(RepresentativeDataErased.KEY_PREFIX + id), id);
        return view;
    }

    /**
     * Destroys a former representative's personal data (152-FZ art. 21): their key and their account at the identity
     * provider; their request must have been refused or their representation revoked.
     */
    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response erase(@PathParam("id") String id, RepresentativeErasure request) {
        if (request == null) {
            throw new InvalidInputException("basis", "укажите основание уничтожения");
        }
        List<FieldViolation> problems = new ArrayList<>();
        PersonalDataErased.ErasureBasis basis = ErasureResource.parse(PersonalDataErased.ErasureBasis.class, "basis",
                request.basis(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String erasureId = UUID.randomUUID().toString();
        commands.sendAndWait(new EraseData(id, erasureId, caller.subject(), basis), caller.commandMetaData());
        String act = "/representatives/" + id + "/erasure/act";
        return Response.created(URI.create(act)).entity(new ErasureResource.Accepted(erasureId, act)).build();
    }

    /** The act of destruction (DOCX), with every service's log of views of the person's data. */
    @GET
    @Path("/{id}/erasure/act")
    @Produces({ErasureResource.DOCX, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public Response act(@PathParam("id") String id) {
        RepresentativeRegistry.View view = registry.find(id).filter(v -> v.erasure() != null)
                .orElseThrow(() -> new NotFoundException("Акт не найден: данные этого представителя не уничтожались"));
        return ErasureResource.actDownload(acts.of(view, accessLog.findEverywhere(RepresentativeDataErased.KEY_PREFIX + id,
                1000)), view.erasure().erasureId());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    public List<RepresentativeHistory.Entry> history(@PathParam("id") String id) {
        List<RepresentativeHistory.Entry> entries = history.of(id, !caller.isStaff());
        if (entries.isEmpty()) {
            throw new NotFoundException("Представитель не найден");
        }
        return entries;
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public void confirm(@PathParam("id") String id, Confirmation decision) {
        commands.sendAndWait(new Confirm(id, decision == null ? null : decision.organisationInn()),
                caller.commandMetaData());
    }

    @POST
    @Path("/{id}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public void refuse(@PathParam("id") String id, ReasonRequest request) {
        commands.sendAndWait(new Refuse(id, request == null ? null : request.reason()), caller.commandMetaData());
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public void revoke(@PathParam("id") String id, ReasonRequest request) {
        commands.sendAndWait(new Revoke(id, request == null ? null : request.reason()), caller.commandMetaData());
    }

    /** An auditor sees that a request was made and decided, for which organisation, but not by whom. */
    private static RepresentativeRegistry.View forAuditor(RepresentativeRegistry.View v) {
        RepresentativeProfile p = v.profile();
        String hidden = "скрыто";
        return new RepresentativeRegistry.View(v.representativeId(), v.status(), v.statusTitle(), v.organisationInn(),
                new RepresentativeProfile(initial(p.surname()), initial(p.name()), initial(p.patronymic()),
                        p.organisationName(), p.position(), hidden, hidden, hidden, hidden),
                v.settings(), v.agreementVersion(), v.agreementAcceptedAt(), v.registeredAt(), v.decidedAt(),
                v.reason() == null ? null : hidden, v.erasure());
    }

    private static String initial(String name) {
        return name == null || name.isBlank() ? name : name.strip().charAt(0) + ".";
    }
}
