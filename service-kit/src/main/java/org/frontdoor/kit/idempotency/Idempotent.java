package org.frontdoor.kit.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a JAX-RS resource method that honours the {@code Idempotency-Key} header (API.md): a retry with the
 * same key returns the first result and changes nothing. The method must not open its own transaction
 * before this one ({@code @Transactional} use cases join it), and it returns a {@code Response} or an entity
 * that Jackson can read back.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The request header that carries the client's key. */
    String HEADER = "Idempotency-Key";

    /** What the OpenAPI document says about the header on every operation that honours it. */
    String DESCRIPTION = "Any 1 to 255 visible ASCII characters, such as a UUID. A retry with the same key within "
            + "24 hours returns the first result and changes nothing; the same key with a different request is a 422.";
}
