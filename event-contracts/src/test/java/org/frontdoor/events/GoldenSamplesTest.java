package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema-evolution guard: every golden sample must keep validating against its type's schema,
 * so a schema change that would break an event already on a topic fails the build.
 */
class GoldenSamplesTest {

    static Stream<String> samples() {
        return EventSchemas.allSamples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleIsAValidCloudEventEnvelope(String sample) {
        ObjectNode event = Json.readResource(sample);

        assertEquals(List.of(), ContractValidator.validateEnvelope(event.toString()), sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleTypeMatchesItsFolderAndItsPublisher(String sample) {
        ObjectNode event = Json.readResource(sample);
        String folderType = sample.split("/")[1];

        assertEquals(folderType, event.path("type").asText(), sample);
        assertEquals(EventTypes.sourceOf(folderType), event.path("source").asText(), sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleDataValidatesAgainstItsTypeSchema(String sample) {
        ObjectNode event = Json.readResource(sample);
        String type = event.path("type").asText();

        assertEquals(List.of(), ContractValidator.validateData(type, event.get("data").toString()), sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void subjectIsTheContactCaseWorkerOrAlertSubjectTheEventIsAbout(String sample) {
        ObjectNode event = Json.readResource(sample);
        JsonNode data = event.get("data");
        String idField = subjectField(event.path("type").asText());

        assertTrue(data.path(idField).isTextual(), sample + " has no " + idField);
        assertEquals(data.path(idField).asText(), event.path("subject").asText(), sample);
    }

    /** The data field that {@code ce_subject} repeats for events of the given type. */
    private static String subjectField(String type) {
        if (type.startsWith("frontdoor.contact.")) {
            return "contactId";
        }
        if (type.startsWith("frontdoor.worker.")) {
            return "workerId";
        }
        if (type.startsWith("frontdoor.alert.")) {
            return "subjectId";
        }
        return "caseId";
    }

    @Test
    void everyAlertKindHasARaisedSampleAboutItsKindOfSubject() {
        Set<String> kinds = new TreeSet<>();
        for (String sample : EventSchemas.samples(EventTypes.ALERT_RAISED)) {
            JsonNode data = Json.readResource(sample).get("data");
            AlertKind kind = AlertKind.valueOf(data.get("kind").asText());
            kinds.add(kind.name());
            assertEquals(kind.subject().name(), data.get("subjectType").asText(), sample);
            assertEquals(kind.subject().aboutAChild(), data.get("childRef").isTextual(), sample);
        }

        assertEquals(Arrays.stream(AlertKind.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                kinds);
    }

    @Test
    void everyResolvedAlertSampleResolvesARaisedOneAndRepeatsIt() {
        Map<String, JsonNode> raised = EventSchemas.samples(EventTypes.ALERT_RAISED).stream()
                .map(sample -> Json.readResource(sample).get("data"))
                .collect(Collectors.toMap(data -> data.get("alertId").asText(), data -> data));
        List<String> resolvedSamples = EventSchemas.samples(EventTypes.ALERT_RESOLVED);

        assertFalse(resolvedSamples.isEmpty());
        for (String sample : resolvedSamples) {
            JsonNode resolved = Json.readResource(sample).get("data");
            JsonNode raise = raised.get(resolved.get("alertId").asText());
            assertNotNull(raise, sample + " resolves no raised sample");
            for (String field : List.of("kind", "team", "subjectType", "subjectId", "childRef")) {
                assertEquals(raise.get(field), resolved.get(field), sample + " " + field);
            }
            assertEquals(raise.get("occurredAt"), resolved.get("raisedAt"), sample);
            assertTrue(Instant.parse(resolved.get("raisedAt").asText())
                    .isBefore(Instant.parse(resolved.get("occurredAt").asText())), sample);
        }
    }

    @Test
    void deallocationSamplesShowAReturnToTheQueueAndAClosure() {
        Set<Boolean> waiting = new TreeSet<>();
        for (String sample : EventSchemas.samples(EventTypes.CASE_DEALLOCATED)) {
            JsonNode data = Json.readResource(sample).get("data");
            boolean closed = CaseDeallocated.CASE_CLOSED.equals(data.get("reason").asText());
            assertEquals(closed, data.get("waitingSince").isNull(), sample);
            waiting.add(!closed);
        }

        assertEquals(Set.of(true, false), waiting);
    }

    @Test
    void everyTypeWithASchemaHasAFullAndAMinimalSample() {
        Set<String> types = EventSchemas.typesWithSchema();

        assertFalse(types.isEmpty());
        for (String type : types) {
            assertTrue(EventSchemas.samples(type).size() >= 2, () -> type + " needs at least two golden samples");
        }
    }

    @Test
    void everySampleFolderIsATypeWithASchema() {
        for (String sample : EventSchemas.allSamples()) {
            String type = sample.split("/")[1];
            assertTrue(EventSchemas.hasSchema(type), () -> sample + " has no schema for " + type);
        }
    }

    @Test
    void indexListsExactlyTheSampleFilesThatExist() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource(EventSchemas.SAMPLE_INDEX);
        Path root = Path.of(index.toURI()).getParent().getParent();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(root.resolve("samples"))) {
            onDisk = files.filter(path -> path.toString().endsWith(".json"))
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertEquals(onDisk, new TreeSet<>(EventSchemas.allSamples()));
    }
}
