package org.frontdoor.kit.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem: client mistakes into 4xx naming the bad field, rule
 * breaks into 409, and anything unexpected into a bare 500 whose details stay in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(field(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return Problems.validation(violations.size() == 1 ? violations.get(0).field() + ": "
                + violations.get(0).message() : violations.size() + " fields are not valid", violations);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return Problems.validation("Unknown field " + field,
                List.of(new Problem.Violation(field, "is not a known field")));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = jsonPath(e);
        String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + enumValues(e.getTargetType())
                : "has the wrong format for " + simpleType(e.getTargetType());
        return Problems.validation(field + " " + expected, List.of(new Problem.Violation(field, expected)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        if (e instanceof InvalidFormatException format) {
            return invalidFormat(format);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown);
        }
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return Problems.validation("The request body is missing or is not a JSON object", null);
        }
        String message = "has the wrong type, expected " + simpleType(e.getTargetType());
        return Problems.validation(field + " " + message, List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problems.validation("The request body is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")", null);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        String field = jsonPath(e);
        Throwable cause = e.getCause();
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : "is not valid";
        return Problems.validation(field.isEmpty() ? "The request body is not valid" : field + " " + message,
                field.isEmpty() ? null : List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        return Problems.validation("The request body is not valid JSON", null);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldProblem e) {
        return Problems.validation(e.field() + " " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return Problems.response(404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenProblem e) {
        return Problems.response(403, "forbidden", "Not allowed for this user", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e) {
        return Problems.response(409, "conflict", "The request conflicts with the current state", e.getMessage(),
                null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = original.getStatusInfo();
        String title = type.getReasonPhrase() == null ? "Request failed" : type.getReasonPhrase();
        String detail = status == 404 ? "There is no such resource" : clean(e.getMessage(), title);
        Response problem = Problems.response(status, slug(title), title, detail, null);
        String allow = original.getHeaderString("Allow");
        if (allow != null) {
            return Response.fromResponse(problem).header("Allow", allow).build();
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isConcurrencyConflict(e)) {
            // Two changes to the same case or worker met (deadlock, serialization failure, lock timeout): the
            // database undid this one. Nothing changed; the same request again will go through.
            return busy("A concurrent change to the same records got in the way; nothing was changed. Send the same "
                    + "request again (with the same Idempotency-Key).");
        }
        if (isPoolExhausted(e)) {
            // Overload is not an internal error: no connection became free within the pool's acquisition timeout.
            return busy("The service is at capacity and did not take this request; nothing was changed. Send the "
                    + "same request again (with the same Idempotency-Key) after the Retry-After delay.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return Problems.response(500, "internal", "Internal error",
                "Something went wrong on our side; nothing was changed. Quote incident " + incident
                        + " when reporting it.", null);
    }

    private static Response busy(String detail) {
        return Response.fromResponse(Problems.response(503, "busy", "Busy, try again", detail, null))
                .header("Retry-After", "1").build();
    }

    /** What Agroal says, in a plain SQLException without SQL state, when no pooled connection became free. */
    static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    /** Whether a connection-acquisition timeout of the pool is anywhere among the causes. */
    static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().contains(ACQUISITION_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** Deadlock (40P01), serialization failure (40001) or lock not available (55P03) anywhere in the causes. */
    static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001")
                            || sql.getSQLState().equals("55P03"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && isConcurrencyConflict(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getKind() == ElementKind.PARAMETER && isQueryParameterNode(path)) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

    /** A violation on a method parameter itself (a query or path parameter) names that parameter. */
    private static boolean isQueryParameterNode(Path path) {
        int count = 0;
        for (Path.Node ignored : path) {
            count++;
        }
        return count == 2;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String enumValues(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return String.join(", ", names);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "an ISO-8601 instant such as 2024-03-04T09:15:00Z";
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "YearMonth" -> "a month YYYY-MM";
            case "Boolean", "boolean" -> "true or false";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "BigDecimal", "Double", "double" -> "a number";
            case "List", "Set" -> "a JSON array";
            case "String" -> "a string";
            default -> "a JSON object";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String clean(String message, String fallback) {
        if (message == null || message.isBlank() || message.startsWith("HTTP ")) {
            return fallback;
        }
        return message;
    }
}
