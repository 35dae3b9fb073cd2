package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java code lists and the schema enums must be the same lists, because services validate
 * requests with the Java ones and consumers validate events with the schemas.
 */
class ContractCodeListsTest {

    @Test
    void schemaChannelsAreTheChannelEnum() throws IOException {
        assertEquals(names(Channel.values()), enumOf(EventTypes.CONTACT_RECEIVED, "/properties/channel"));
    }

    @Test
    void schemaOutcomesAreTheContactOutcomeEnum() throws IOException {
        assertEquals(names(ContactOutcome.values()), enumOf(EventTypes.CONTACT_DECIDED, "/properties/outcome"));
    }

    /** Each code list a schema keeps in {@code $defs}, by its name there, and the Java list it must equal. */
    private static final Map<String, List<String>> CODE_LISTS = Map.ofEntries(
            Map.entry("assessmentKind", names(AssessmentKind.values())),
            Map.entry("assessmentOutcome", names(AssessmentOutcome.values())),
            Map.entry("primaryNeed", names(PrimaryNeed.values())),
            Map.entry("ruleSet", List.of("WT2023", "WT2010")),
            Map.entry("section47Outcome", names(Section47Outcome.values())),
            Map.entry("conferenceKind", names(ConferenceKind.values())),
            Map.entry("conferenceOutcome", names(ConferenceOutcome.values())),
            Map.entry("category", names(AbuseCategory.values())),
            Map.entry("closureReason", names(ClosureReason.values())),
            Map.entry("alertKind", names(AlertKind.values())),
            Map.entry("alertSubject", names(AlertSubject.values())));

    @Test
    void everySchemaCodeListIsItsJavaEnum() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String type : EventSchemas.typesWithSchema()) {
            JsonNode defs = schema(type).path("$defs");
            for (Map.Entry<String, List<String>> list : CODE_LISTS.entrySet()) {
                if (defs.has(list.getKey())) {
                    assertEquals(list.getValue(), texts(defs.get(list.getKey()).get("enum")),
                            type + " " + list.getKey());
                    seen.add(list.getKey());
                }
            }
        }

        assertEquals(new TreeSet<>(CODE_LISTS.keySet()), seen);
    }

    static Stream<Arguments> codeFields() {
        return Stream.of(
                Arguments.of(EventTypes.ASSESSMENT_STARTED, "kind", "assessmentKind"),
                Arguments.of(EventTypes.ASSESSMENT_STARTED, "ruleSet", "ruleSet"),
                Arguments.of(EventTypes.ASSESSMENT_COMPLETED, "kind", "assessmentKind"),
                Arguments.of(EventTypes.ASSESSMENT_COMPLETED, "ruleSet", "ruleSet"),
                Arguments.of(EventTypes.ASSESSMENT_COMPLETED, "outcome", "assessmentOutcome"),
                Arguments.of(EventTypes.ASSESSMENT_COMPLETED, "primaryNeed", "primaryNeed"),
                Arguments.of(EventTypes.SECTION47_COMPLETED, "outcome", "section47Outcome"),
                Arguments.of(EventTypes.CONFERENCE_HELD, "kind", "conferenceKind"),
                Arguments.of(EventTypes.CONFERENCE_HELD, "outcome", "conferenceOutcome"),
                Arguments.of(EventTypes.CONFERENCE_HELD, "category", "category"),
                Arguments.of(EventTypes.CP_PLAN_ENDED, "category", "category"),
                Arguments.of(EventTypes.CASE_CLOSED, "reason", "closureReason"),
                Arguments.of(EventTypes.CASE_DEALLOCATED, "reason", "deallocationReason"),
                Arguments.of(EventTypes.ALERT_RAISED, "kind", "alertKind"),
                Arguments.of(EventTypes.ALERT_RAISED, "subjectType", "alertSubject"),
                Arguments.of(EventTypes.ALERT_RESOLVED, "kind", "alertKind"),
                Arguments.of(EventTypes.ALERT_RESOLVED, "subjectType", "alertSubject"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codeFields")
    void codeFieldIsCheckedAgainstItsCodeList(String type, String field, String list) throws IOException {
        JsonNode property = schema(type).at("/properties/" + field);

        assertFalse(property.isMissingNode(), type + " has no " + field);
        assertEquals(List.of("#/$defs/" + list), property.findValuesAsText("$ref"), type + " " + field);
    }

    @Test
    void apiEnumsOfTheAllocationServiceAreSpeltAsInApiMd() {
        assertEquals(List.of("GREEN", "AMBER", "RED"), names(Rag.values()));
        assertEquals(List.of("CASE_UNALLOCATED_TOO_LONG", "QUEUE_ABOVE_THRESHOLD", "CASELOAD_OVER_THRESHOLD",
                "CONTACT_DECISION_OVERDUE"), names(AlertKind.values()));
        assertEquals(List.of("CASE", "WORKER", "TEAM", "CONTACT"), names(AlertSubject.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertTypes")
    void schemaPairsEachAlertKindWithItsJavaSubject(String type) throws IOException {
        Map<String, String> javaPairs = new TreeMap<>();
        for (AlertKind kind : AlertKind.values()) {
            javaPairs.put(kind.name(), kind.subject().name());
        }
        Map<String, String> schemaPairs = new TreeMap<>();
        List<String> aboutAChild = null;
        for (JsonNode rule : schema(type).path("allOf")) {
            JsonNode kind = rule.at("/if/properties/kind/const");
            if (!kind.isMissingNode()) {
                schemaPairs.put(kind.asText(), rule.at("/then/properties/subjectType/const").asText());
            }
            JsonNode subjects = rule.at("/if/properties/subjectType/enum");
            if (!subjects.isMissingNode()) {
                aboutAChild = texts(subjects);
                assertEquals(List.of("childRef"), texts(rule.at("/then/required")), type);
                assertEquals("null", rule.at("/else/properties/childRef/type").asText(), type);
            }
        }

        assertEquals(javaPairs, schemaPairs, type);
        assertEquals(Arrays.stream(AlertSubject.values()).filter(AlertSubject::aboutAChild).map(Enum::name)
                .collect(Collectors.toList()), aboutAChild, type);
    }

    static Stream<String> alertTypes() {
        return Stream.of(EventTypes.ALERT_RAISED, EventTypes.ALERT_RESOLVED);
    }

    @Test
    void deallocationReasonIsACodeAndCaseClosedIsTheOneWithoutAWait() throws IOException {
        JsonNode schema = schema(EventTypes.CASE_DEALLOCATED);
        Pattern reason = Pattern.compile(schema.at("/$defs/deallocationReason/pattern").asText());

        for (String code : List.of(CaseDeallocated.CASE_CLOSED, "MANAGER_REQUEST", "WORKER_LEFT", "A")) {
            assertTrue(reason.matcher(code).matches(), code);
        }
        for (String text : List.of("", "worker_left", "Worker left", "WORKER LEFT", "_LEFT", "RC7", "W".repeat(41))) {
            assertFalse(reason.matcher(text).matches(), text);
        }
        assertEquals(CaseDeallocated.CASE_CLOSED, schema.at("/allOf/0/if/properties/reason/const").asText());
        assertEquals("null", schema.at("/allOf/0/then/properties/waitingSince/type").asText());
    }

    @Test
    void everySchemaSourceListIsTheCensusList() throws IOException {
        for (String type : EventSchemas.typesWithSchema()) {
            JsonNode source = schema(type).at("/$defs/source/enum");
            if (!source.isMissingNode()) {
                assertEquals(SourceCodes.ALL, texts(source), type);
            }
        }
    }

    @Test
    void sourceCodesAreTheTwentyTwoCensusCodes() {
        assertEquals(22, SourceCodes.ALL.size());
        assertEquals(22, Set.copyOf(SourceCodes.ALL).size());
        assertTrue(SourceCodes.isValid("1A"));
        assertTrue(SourceCodes.isValid("4"));
        assertTrue(SourceCodes.isValid("10"));
        assertFalse(SourceCodes.isValid("1a"));
        assertFalse(SourceCodes.isValid("04"));
        assertFalse(SourceCodes.isValid("11"));
        assertFalse(SourceCodes.isValid("3G"));
        assertFalse(SourceCodes.isValid(" 2A"));
        assertFalse(SourceCodes.isValid(null));
    }

    @Test
    void eventTypesFollowTheNamingRuleAndSplitBetweenTheTwoServices() {
        Pattern rule = Pattern.compile("frontdoor\\.([a-z0-9-]+)\\.([a-z0-9-]+)\\.v[1-9][0-9]*");

        assertEquals(16, EventTypes.all().size());
        for (String type : EventTypes.all()) {
            assertTrue(rule.matcher(type).matches(), type);
        }
        assertEquals(11, EventTypes.referralTypes().size());
        assertEquals(5, EventTypes.allocationTypes().size());
        assertEquals(EventTypes.SOURCE_REFERRAL, EventTypes.sourceOf(EventTypes.CASE_CLOSED));
        assertEquals(EventTypes.SOURCE_ALLOCATION, EventTypes.sourceOf(EventTypes.CASE_ALLOCATED));
        assertEquals(Topics.REFERRAL_EVENTS, EventTypes.topicOf(EventTypes.CONTACT_RECEIVED));
        assertEquals(Topics.ALLOCATION_EVENTS, EventTypes.topicOf(EventTypes.ALERT_RAISED));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
    }

    private static List<String> enumOf(String type, String pointer) throws IOException {
        return texts(schema(type).at(pointer + "/enum"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode schema(String type) throws IOException {
        try (InputStream in = EventSchemas.schema(type)) {
            return Json.MAPPER.readTree(in);
        }
    }
}
