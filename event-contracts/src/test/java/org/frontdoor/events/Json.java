package org.frontdoor.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Jackson set-up the services use for event data (ISO-8601 times, unknown fields ignored), and
 * the payload record of each type that has a schema, shared by the contract tests.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The payload record of each event type that has a schema. */
    static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(EventTypes.CONTACT_RECEIVED, ContactReceived.class),
            Map.entry(EventTypes.CONTACT_DECIDED, ContactDecided.class),
            Map.entry(EventTypes.CASE_OPENED, CaseOpened.class),
            Map.entry(EventTypes.ASSESSMENT_STARTED, AssessmentStarted.class),
            Map.entry(EventTypes.ASSESSMENT_COMPLETED, AssessmentCompleted.class),
            Map.entry(EventTypes.STRATEGY_DISCUSSION_HELD, StrategyDiscussionHeld.class),
            Map.entry(EventTypes.SECTION47_STARTED, Section47Started.class),
            Map.entry(EventTypes.SECTION47_COMPLETED, Section47Completed.class),
            Map.entry(EventTypes.CONFERENCE_HELD, ConferenceHeld.class),
            Map.entry(EventTypes.CP_PLAN_ENDED, CpPlanEnded.class),
            Map.entry(EventTypes.CASE_CLOSED, CaseClosed.class),
            Map.entry(EventTypes.CASE_ALLOCATED, CaseAllocated.class),
            Map.entry(EventTypes.CASE_DEALLOCATED, CaseDeallocated.class),
            Map.entry(EventTypes.WORKER_UPDATED, WorkerUpdated.class),
            Map.entry(EventTypes.ALERT_RAISED, AlertRaised.class),
            Map.entry(EventTypes.ALERT_RESOLVED, AlertResolved.class));

    private Json() {
    }

    /** Reads a packaged resource, such as a golden sample, as a mutable tree. */
    static ObjectNode readResource(String resource) {
        try (InputStream in = EventSchemas.open(resource)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
