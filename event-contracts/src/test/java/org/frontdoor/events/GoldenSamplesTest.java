package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void subjectIsTheContactOrCaseTheEventIsAbout(String sample) {
        ObjectNode event = Json.readResource(sample);
        JsonNode data = event.get("data");
        String idField = event.path("type").asText().startsWith("frontdoor.contact.") ? "contactId" : "caseId";

        assertEquals(data.path(idField).asText(), event.path("subject").asText(), sample);
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
