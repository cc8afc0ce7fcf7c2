package ru.fioco.training.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.json.EventJson;

/**
 * A request whose declared {@code Content-Length} is over the HTTP layer's limit
 * ({@code quarkus.http.limits.max-body-size}) is answered here with a 413 problem, before a byte of the body is
 * read and before the framework's own check, which would answer the same status with an empty body. The
 * connection is closed after the answer, so the client stops sending. A body without a declared length is
 * counted by the service's own upload limits, which lie below this one.
 */
@ApplicationScoped
public class OversizedRequests {

    /** Ahead of the framework's own body-size route (order -2). */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> limit;

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(ORDER).handler(request -> refuseIfOver(request, max.asLongValue())));
    }

    private static void refuseIfOver(RoutingContext request, long max) {
        String declared = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1; // the HTTP codec refuses a malformed length itself
        }
        if (length <= max) {
            request.next();
            return;
        }
        String contentType = String.valueOf(request.request().getHeader(HttpHeaders.CONTENT_TYPE));
        String field = contentType.contains("json") ? "body" : "file";
        String detail = "Размер запроса " + megabytes(length) + " больше допустимого (" + megabytes(max) + ").";
        Problem problem = Problem.of("request-too-large", "Запрос слишком большой", 413, detail)
                .withErrors(List.of(new FieldViolation(field, detail))).withInstance(request.request().path());
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        request.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + "; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> request.request().connection().close())
                .end(body);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f МБ", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }
}
