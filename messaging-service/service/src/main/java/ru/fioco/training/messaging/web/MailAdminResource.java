package ru.fioco.training.messaging.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ru.fioco.training.messaging.query.MailDelivery;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.security.Roles;

/** The mails given up on (staff): who, what, the server's answer; and sending one again once the cause is fixed. */
@Path("/admin/mail")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class MailAdminResource {

    @Inject
    MailDelivery delivery;

    @GET
    @Path("/failed")
    public List<MailDelivery.FailedMail> failed() {
        return delivery.failed(200);
    }

    @POST
    @Path("/failed/{id}/retry")
    public Response retry(@PathParam("id") String id) {
        if (!delivery.retry(id)) {
            throw new NotFoundException("Нет такого неотправленного письма");
        }
        return Response.accepted().build();
    }
}
