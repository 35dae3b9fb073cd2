package org.frontdoor.kit.idempotency;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.frontdoor.kit.problem.ConflictProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;

/**
 * Makes an {@link Idempotent} POST safe to retry. The key is claimed, the command runs and its answer is
 * stored in one transaction that this interceptor owns (it runs before {@code @Transactional}, whose use
 * cases join it), so a crash can never leave a command committed without its key or a key without its
 * command. Without the header the method runs exactly as it would without this interceptor.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    private static final int MAX_KEY_LENGTH = 255;
    /** Which parameters of each resource method are the request body: looked up once, not on every request. */
    private static final Map<Method, int[]> ENTITY_PARAMETERS = new ConcurrentHashMap<>();
    /** The only headers a first answer may carry for it to be sent as it was recorded (see {@link #answer}). */
    private static final Set<String> RECORDED_HEADERS = Set.of(HttpHeaders.LOCATION.toLowerCase(),
            HttpHeaders.CONTENT_TYPE.toLowerCase());

    private final IdempotencyKeys keys;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private final Request request;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    @Inject
    public IdempotencyInterceptor(IdempotencyKeys keys, HttpHeaders headers, UriInfo uri, Request request,
            SecurityIdentity identity, ObjectMapper json) {
        this.keys = keys;
        this.headers = headers;
        this.uri = uri;
        this.request = request;
        this.identity = identity;
        this.json = json;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String key = headers.getHeaderString(Idempotent.HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (!isWellFormed(key)) {
            throw new InvalidFieldProblem(Idempotent.HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, such as a UUID");
        }
        String principal = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String fingerprint = fingerprint(principal, invocation);
        try {
            return QuarkusTransaction.requiringNew().call(() -> claimAndRun(invocation, principal, key, fingerprint));
        } catch (CheckedFailure failure) {
            throw failure.exception;
        }
    }

    private Object claimAndRun(InvocationContext invocation, String principal, String key, String fingerprint) {
        Optional<IdempotencyKeys.UsedKey> used = keys.claim(principal, key, fingerprint);
        if (used.isPresent()) {
            if (!used.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedProblem(key);
            }
            if (used.get().response() == null) {
                throw new ConflictProblem("The first request with this " + Idempotent.HEADER
                        + " has not finished; retry shortly");
            }
            return replay(invocation.getMethod(), used.get().response());
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
        RecordedResponse recorded = record(result);
        keys.answer(principal, key, recorded);
        return answer(invocation.getMethod(), result, recorded);
    }

    /**
     * The first answer as it goes out: a {@code Response} whose entity was just serialised for the record is sent
     * as that JSON, exactly as a retry gets it, instead of being serialised a second time; anything else unchanged.
     */
    private Object answer(Method method, Object result, RecordedResponse recorded) {
        if (result instanceof Response response && response.getEntity() != null
                && !(response.getEntity() instanceof String)
                && response.getHeaders().keySet().stream().allMatch(h -> RECORDED_HEADERS.contains(h.toLowerCase()))) {
            return replay(method, recorded);
        }
        return result;
    }

    static boolean isWellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Who, which operation on which resource, and with what body: a retry matches, anything else does not. */
    private String fingerprint(String principal, InvocationContext invocation) {
        List<Object> entities = new ArrayList<>();
        Object[] values = invocation.getParameters();
        for (int i : ENTITY_PARAMETERS.computeIfAbsent(invocation.getMethod(), IdempotencyInterceptor::entityParameters)) {
            entities.add(values[i]);
        }
        URI requestUri = uri.getRequestUri();
        String target = requestUri.getRawQuery() == null ? requestUri.getRawPath()
                : requestUri.getRawPath() + "?" + requestUri.getRawQuery();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(principal, request.getMethod(), target, json.writeValueAsString(entities))) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("The request cannot be fingerprinted", e);
        }
    }

    private static int[] entityParameters(Method method) {
        Parameter[] parameters = method.getParameters();
        List<Integer> entities = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (isEntity(parameters[i])) {
                entities.add(i);
            }
        }
        return entities.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The request body parameter: neither a path, query or header parameter nor an injected context object. */
    private static boolean isEntity(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (isJaxRs(annotation.annotationType().getPackageName())) {
                return false;
            }
        }
        Class<?> type = parameter.getType();
        return !isJaxRs(type.getPackageName()) && !type.getPackageName().startsWith("io.vertx")
                && !type.getPackageName().startsWith("io.quarkus") && !Principal.class.isAssignableFrom(type);
    }

    private static boolean isJaxRs(String packageName) {
        return packageName.startsWith("jakarta.ws.rs") || packageName.startsWith("org.jboss.resteasy.reactive");
    }

    private RecordedResponse record(Object result) {
        if (result instanceof Response response) {
            URI location = response.getLocation();
            return new RecordedResponse(response.getStatus(), body(response.getEntity()),
                    location == null ? null : location.toString());
        }
        return new RecordedResponse(result == null ? 204 : 200, body(result), null);
    }

    private String body(Object entity) {
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer cannot be kept for retries", e);
        }
    }

    private Object replay(Method method, RecordedResponse recorded) {
        if (Response.class.isAssignableFrom(method.getReturnType())) {
            Response.ResponseBuilder response = Response.status(recorded.status());
            if (recorded.body() != null) {
                response.entity(recorded.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (recorded.location() != null) {
                response.header(HttpHeaders.LOCATION, recorded.location());
            }
            return response.build();
        }
        if (recorded.body() == null) {
            return null;
        }
        try {
            return json.readValue(recorded.body(), json.constructType(method.getGenericReturnType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The kept answer of " + method.getName() + " cannot be read back", e);
        }
    }

    /** Carries a checked exception of the resource method through the transaction unchanged. */
    private static final class CheckedFailure extends RuntimeException {

        private final Exception exception;

        CheckedFailure(Exception exception) {
            super(exception);
            this.exception = exception;
        }
    }
}
