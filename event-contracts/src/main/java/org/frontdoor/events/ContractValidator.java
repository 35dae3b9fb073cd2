package org.frontdoor.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates JSON text against the packaged schemas with format assertions switched on, because
 * draft 2020-12 treats {@code format} as an annotation only and dates would otherwise go unchecked.
 * For tests in every module: it needs {@code com.networknt:json-schema-validator}, an optional
 * dependency of this jar that a test adds for itself.
 */
public final class ContractValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractValidator() {
    }

    /** Problems with an event's {@code data} (JSON text) against its type's schema; empty when valid. */
    public static List<String> validateData(String type, String dataJson) {
        return validate(SCHEMAS.computeIfAbsent(EventSchemas.schemaResource(type), ContractValidator::load), dataJson);
    }

    /** Problems with a structured-mode CloudEvent (JSON text) against the envelope schema; empty when valid. */
    public static List<String> validateEnvelope(String eventJson) {
        return validate(SCHEMAS.computeIfAbsent(EventSchemas.ENVELOPE_SCHEMA, ContractValidator::load), eventJson);
    }

    private static List<String> validate(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }

    private static Schema load(String resource) {
        try (InputStream in = EventSchemas.open(resource)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
