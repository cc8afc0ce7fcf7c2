package ru.fioco.training.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A JSON body may be at most {@code platform.http.max-json-body} (512 KB: the largest form, a hundred
 * participants, is about half of it). A declared length over it is refused at once; a body without one (chunked)
 * is read here, at most one byte past the limit, so it is refused before any parser sees it: a 413 problem naming
 * {@code body}, never the HTTP layer's empty answer, and nothing of it reaches a command. File uploads keep their
 * own, larger limits.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyLimit implements ContainerRequestFilter {

    @ConfigProperty(name = "platform.http.max-json-body", defaultValue = "512K")
    MemorySize limit;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().toLowerCase().endsWith("json")) {
            return;
        }
        long max = limit.asLongValue();
        if (request.getLength() > max) {
            throw new RequestTooLargeException("body", max);
        }
        if (request.getLength() >= 0) {
            return;
        }
        try {
            byte[] body = request.getEntityStream().readNBytes((int) max + 1);
            if (body.length > max) {
                throw new RequestTooLargeException("body", max);
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }
}
