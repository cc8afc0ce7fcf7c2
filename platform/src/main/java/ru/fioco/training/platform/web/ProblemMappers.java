package ru.fioco.training.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.FieldViolation;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.ErasedDataException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.errors.RuleViolationException;
import ru.fioco.training.platform.files.FileTooLargeException;

/**
 * Every error of every service's REST API becomes {@code application/problem+json}; a stack trace
 * never leaves the service (unexpected errors are logged with an id the response quotes).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(badRequest(e.violations()), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new FieldViolation(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(FieldViolation::field));
        return respond(badRequest(violations), uri);
    }

    /** More specific than the framework's own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = e instanceof UnrecognizedPropertyException ? "неизвестное поле"
                    : e instanceof InvalidFormatException ? "неверный формат значения" : "неверное значение";
            return respond(badRequest(List.of(new FieldViolation(field, message))), uri);
        }
        return respond(Problem.of("malformed-json", "Некорректный JSON", 400,
                "Тело запроса не является корректным JSON-документом."), uri);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, UriInfo uri) {
        Problem p = Problem.of("rule-violation", "Нарушено правило", 422, e.getMessage()).withRule(e.rule(), e.facts());
        if (!e.violations().isEmpty()) {
            p = p.withErrors(e.violations());
        }
        return respond(p, uri);
    }

    @ServerExceptionMapper
    public Response fileTooLarge(FileTooLargeException e, UriInfo uri) {
        return respond(Problem.of("file-too-large", "Файл слишком большой", 413, e.getMessage())
                .withErrors(List.of(new FieldViolation("file", e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Не найдено", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response erased(ErasedDataException e, UriInfo uri) {
        return respond(Problem.of("erased", "Данные уничтожены", 410, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response aggregateNotFound(AggregateNotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Не найдено", 404, "Объект не найден."), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        Problem p = Problem.of("conflict", "Конфликт", 409, e.getMessage()).withRule(e.rule(), e.facts());
        if (e.field() != null) {
            p = p.withErrors(List.of(new FieldViolation(e.field(), e.getMessage())));
        }
        return respond(p, uri);
    }

    @ServerExceptionMapper
    public Response requestTooLarge(RequestTooLargeException e, UriInfo uri) {
        return respond(Problem.of("request-too-large", "Запрос слишком большой", 413, e.getMessage())
                .withErrors(List.of(new FieldViolation(e.field(), e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(ConcurrencyException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Конфликт", 409,
                "Объект был изменён одновременно другим запросом; повторите действие."), uri);
    }

    @ServerExceptionMapper
    public Response duplicateCreation(AggregateStreamCreationException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Конфликт", 409, "Такой объект уже существует."), uri);
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Доступ запрещён", 403, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Доступ запрещён", 403, "Ваша роль не позволяет это действие."), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthenticated", "Требуется вход", 401,
                        "Нужен действительный токен доступа (Authorization: Bearer ...)."), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response commandFailed(CommandExecutionException e, UriInfo uri) {
        // a distributed command bus wraps the handler's exception; unwrap to the domain error
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime && cause != e) {
            Response mapped = mapKnown(runtime, uri);
            if (mapped != null) {
                return mapped;
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = switch (status) {
            case 404 -> "Не найдено";
            case 405 -> "Метод не поддерживается";
            case 406 -> "Формат ответа не поддерживается";
            case 415 -> "Формат запроса не поддерживается";
            default -> "Некорректный запрос";
        };
        // the framework's own wording is English and about its internals: say what the caller can do
        String detail = switch (status) {
            case 404 -> "Такого адреса или объекта нет.";
            case 405 -> "Этот адрес не принимает такой метод запроса; методы описаны в /q/swagger-ui.";
            case 406 -> "Сервис отвечает в application/json.";
            case 415 -> "Проверьте заголовок Content-Type: ожидается application/json или multipart/form-data (для файлов).";
            default -> "Запрос не может быть обработан; проверьте адрес, параметры и тело.";
        };
        return respond(Problem.of("http-" + status, title, status, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, uri == null ? "?" : uri.getPath());
        return respond(Problem.of("internal", "Внутренняя ошибка", 500,
                "Запрос не выполнен. Номер обращения для поддержки: " + incident), uri);
    }

    private Response mapKnown(RuntimeException e, UriInfo uri) {
        if (e instanceof InvalidInputException x) return invalidInput(x, uri);
        if (e instanceof RuleViolationException x) return ruleViolation(x, uri);
        if (e instanceof NotFoundException x) return notFound(x, uri);
        if (e instanceof ErasedDataException x) return erased(x, uri);
        if (e instanceof ConflictException x) return conflict(x, uri);
        if (e instanceof ConcurrencyException x) return concurrentChange(x, uri);
        if (e instanceof AggregateStreamCreationException x) return duplicateCreation(x, uri);
        if (e instanceof AccessDeniedException x) return accessDenied(x, uri);
        if (e instanceof ConstraintViolationException x) return constraintViolation(x, uri);
        if (e instanceof RequestTooLargeException x) return requestTooLarge(x, uri);
        return null;
    }

    static Problem badRequest(List<FieldViolation> violations) {
        return Problem.of("invalid-input", "Некорректные данные", 400,
                "Проверьте поля: " + String.join(", ", violations.stream().map(FieldViolation::field).toList()))
                .withErrors(violations);
    }

    /** {@code create.body.participants[2].snils} -> {@code participants[2].snils}: method and parameter names are not the client's business. */
    static String fieldPath(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && b.length() > 0) {
                b.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(node.getName());
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(withInstance.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }

}
