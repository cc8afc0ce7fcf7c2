package ru.fioco.training.platform.publishing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Caller;
import ru.fioco.training.platform.security.Roles;

/**
 * Staff's view of the publisher: its lag, and the events parked because they cannot be published. An event is
 * released ({@code publish}: tried again, after the limit that refused it was raised) or skipped with a reason
 * ({@code skip}: never published; the consumers never learn of it).
 */
@Path("/admin/publisher")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class PublisherQuarantineResource {

    @Inject
    PublisherRuntime runtime;

    @Inject
    Caller caller;

    public record PublisherStatus(String topic, boolean running, long published, long unpublished,
            String parkedEvent, String lastError) {
    }

    public record SkipRequest(String reason) {
    }

    @GET
    public PublisherStatus status() {
        EventPublisher publisher = publisher();
        return new PublisherStatus(publisher.topic(), publisher.isRunning(), publisher.publishedCount(),
                runtime.unpublished(), publisher.parked().map(PublisherQuarantine.Entry::eventId).orElse(null),
                publisher.lastError());
    }

    @GET
    @Path("/quarantine")
    public List<PublisherQuarantine.Entry> quarantine() {
        return quarantineStore().all();
    }

    @GET
    @Path("/quarantine/{eventId}")
    public PublisherQuarantine.Entry one(@PathParam("eventId") String eventId) {
        return quarantineStore().get(eventId);
    }

    @POST
    @Path("/quarantine/{eventId}/publish")
    public PublisherQuarantine.Entry publish(@PathParam("eventId") String eventId) {
        return quarantineStore().release(eventId, caller.subject());
    }

    @POST
    @Path("/quarantine/{eventId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    public PublisherQuarantine.Entry skip(@PathParam("eventId") String eventId, SkipRequest request) {
        if (request == null) {
            throw new InvalidInputException("reason", "укажите, почему событие не будет опубликовано");
        }
        return quarantineStore().skip(eventId, caller.subject(), request.reason());
    }

    private EventPublisher publisher() {
        EventPublisher publisher = runtime.publisher();
        if (publisher == null) {
            throw new NotFoundException("Этот сервис не публикует события");
        }
        return publisher;
    }

    private PublisherQuarantine quarantineStore() {
        publisher();
        return runtime.quarantine();
    }
}
