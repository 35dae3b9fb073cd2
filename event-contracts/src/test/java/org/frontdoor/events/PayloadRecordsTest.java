package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the Java payload records and the JSON Schemas in step: what a producer serializes must
 * validate, and what is on the topic (the golden samples) must read back into the records.
 */
class PayloadRecordsTest {

    private static final Instant AT = Instant.parse("2024-03-04T09:15:00.123456789Z");
    private static final String CONTACT_ID = "7d2c9a5e-8f41-4b0e-a6c3-1e9b2f4d6a10";
    private static final String CASE_ID = "a3f9c1e7-5b2d-4e8a-9c6f-0d1b3e5a7c40";
    private static final String STEP_ID = "b7e1c3a5-9d2f-4e6b-8a0c-4f6e8a0c2e11";
    private static final String OTHER_STEP_ID = "c8f2d4b6-0e3a-4f7c-9b1d-5a7f9b1d3f12";
    private static final String PLAN_ID = "f1c5a7e9-3b6d-4caf-8e4a-8d0c2e4a6c15";
    private static final LocalDate REFERRAL_DATE = LocalDate.of(2024, 3, 4);
    private static final String ALERT_ID = "d9a3b5c7-1e2f-4a6b-8c0d-6b8d0f2a4c16";
    private static final Instant RAISED_AT = Instant.parse("2024-02-26T07:00:00Z");

    static Stream<Arguments> producedPayloads() {
        return Stream.of(
                Arguments.of(EventTypes.CONTACT_RECEIVED, new ContactReceived(CONTACT_ID, "CH-1", AT, "2A",
                        Channel.EMAIL.name(), false, "north-mash", null, LocalDate.of(2024, 3, 5), null, null)),
                Arguments.of(EventTypes.CONTACT_RECEIVED, new ContactReceived(CONTACT_ID, "CH-1", AT, "10",
                        Channel.IN_PERSON.name(), true, "edt", "grp-1", LocalDate.of(2024, 3, 5),
                        List.of("NEGLECT"), new ChildProfile("2016-12", "1", "MWBC"))),
                Arguments.of(EventTypes.CONTACT_RECEIVED, new ContactReceived(CONTACT_ID, "CH-1", AT, "5D",
                        Channel.LETTER.name(), false, "edt", null, LocalDate.of(2024, 3, 5),
                        List.of(), new ChildProfile(null, null, null))),
                Arguments.of(EventTypes.CONTACT_DECIDED, new ContactDecided(CONTACT_ID, "CH-1", AT, AT, "north-mash",
                        "2A", ContactOutcome.REFERRAL.name(), "duty", true, LocalDate.of(2024, 3, 5), 1, CASE_ID)),
                Arguments.of(EventTypes.CONTACT_DECIDED, new ContactDecided(CONTACT_ID, "CH-1", AT, AT, "north-mash",
                        "2A", ContactOutcome.INFORMATION_AND_ADVICE.name(), "duty", false, LocalDate.of(2024, 3, 5),
                        0, null)),
                Arguments.of(EventTypes.CASE_OPENED, new CaseOpened(CASE_ID, "CH-1", CONTACT_ID, AT,
                        LocalDate.of(2024, 3, 4), "north-mash", "3E", true, 2)),
                Arguments.of(EventTypes.CASE_ALLOCATED, new CaseAllocated(CASE_ID, "CH-1", "sw-017", "north-mash",
                        AT, "duty", false, null)),
                Arguments.of(EventTypes.CASE_ALLOCATED, new CaseAllocated(CASE_ID, "CH-1", "sw-042", "north-mash",
                        AT, "duty", true, "sw-017")),
                Arguments.of(EventTypes.CASE_DEALLOCATED, new CaseDeallocated(CASE_ID, "CH-1", "sw-017",
                        "north-mash", AT, "duty", "WORKER_LEFT", AT)),
                Arguments.of(EventTypes.CASE_DEALLOCATED, new CaseDeallocated(CASE_ID, "CH-1", "sw-042",
                        "north-mash", AT, "referral-service", CaseDeallocated.CASE_CLOSED, null)),
                Arguments.of(EventTypes.WORKER_UPDATED, new WorkerUpdated("sw-017", "north-mash", AT,
                        new BigDecimal("1.0"), true, null)),
                Arguments.of(EventTypes.WORKER_UPDATED, new WorkerUpdated("sw-042", "north-mash", AT,
                        new BigDecimal("0.05"), true, new BigDecimal("16.5"))),
                Arguments.of(EventTypes.WORKER_UPDATED, new WorkerUpdated("tm-003", "south-cin", AT,
                        new BigDecimal("1.5"), false, new BigDecimal("18"))),
                Arguments.of(EventTypes.ALERT_RAISED, new AlertRaised(ALERT_ID,
                        AlertKind.CASE_UNALLOCATED_TOO_LONG.name(), "north-mash",
                        AlertKind.CASE_UNALLOCATED_TOO_LONG.subject().name(), CASE_ID, "CH-1", AT,
                        "Case has waited 6 working days unallocated since its referral date; the limit is 5.", 6, 5)),
                Arguments.of(EventTypes.ALERT_RAISED, new AlertRaised(ALERT_ID,
                        AlertKind.QUEUE_ABOVE_THRESHOLD.name(), "north-mash",
                        AlertKind.QUEUE_ABOVE_THRESHOLD.subject().name(), "north-mash", null, AT,
                        "Team north-mash has 21 unallocated cases; the limit is 20.", 21, 20)),
                Arguments.of(EventTypes.ALERT_RAISED, new AlertRaised(ALERT_ID,
                        AlertKind.CASELOAD_OVER_THRESHOLD.name(), "north-mash",
                        AlertKind.CASELOAD_OVER_THRESHOLD.subject().name(), "sw-042", null, AT,
                        "Worker sw-042 holds 19 cases at 1.0 FTE; the threshold is 18.", 19, 18)),
                Arguments.of(EventTypes.ALERT_RAISED, new AlertRaised(ALERT_ID,
                        AlertKind.CONTACT_DECISION_OVERDUE.name(), "edt",
                        AlertKind.CONTACT_DECISION_OVERDUE.subject().name(), CONTACT_ID, "CH-1", AT,
                        "Contact is past its decision due date.", null, null)),
                Arguments.of(EventTypes.ALERT_RESOLVED, new AlertResolved(ALERT_ID,
                        AlertKind.CASE_UNALLOCATED_TOO_LONG.name(), "north-mash", AlertSubject.CASE.name(), CASE_ID,
                        "CH-1", AT, RAISED_AT)),
                Arguments.of(EventTypes.ALERT_RESOLVED, new AlertResolved(ALERT_ID,
                        AlertKind.CASELOAD_OVER_THRESHOLD.name(), "north-mash", AlertSubject.WORKER.name(), "sw-042",
                        null, AT, RAISED_AT)),
                Arguments.of(EventTypes.ASSESSMENT_STARTED, new AssessmentStarted(STEP_ID, CASE_ID, "CH-1",
                        "north-mash", AT, AssessmentKind.SINGLE.name(), REFERRAL_DATE, REFERRAL_DATE,
                        LocalDate.of(2024, 5, 8), "WT2023")),
                Arguments.of(EventTypes.ASSESSMENT_STARTED, new AssessmentStarted(STEP_ID, CASE_ID, "CH-1",
                        "south-cin", AT, AssessmentKind.CORE.name(), LocalDate.of(2012, 11, 12),
                        LocalDate.of(2012, 11, 26), LocalDate.of(2013, 1, 17), "WT2010")),
                Arguments.of(EventTypes.ASSESSMENT_COMPLETED, new AssessmentCompleted(STEP_ID, CASE_ID, "CH-1",
                        "north-mash", AT, AssessmentKind.SINGLE.name(), AT, REFERRAL_DATE, REFERRAL_DATE,
                        LocalDate.of(2024, 5, 8), "WT2023", AssessmentOutcome.EARLY_HELP.name(), null, 0, true)),
                Arguments.of(EventTypes.ASSESSMENT_COMPLETED, new AssessmentCompleted(STEP_ID, CASE_ID, "CH-1",
                        "south-cin", AT, AssessmentKind.INITIAL.name(), AT, LocalDate.of(2012, 11, 12),
                        LocalDate.of(2012, 11, 12), LocalDate.of(2012, 11, 26), "WT2010",
                        AssessmentOutcome.CHILD_IN_CARE.name(), PrimaryNeed.N9.name(), 11, false)),
                Arguments.of(EventTypes.STRATEGY_DISCUSSION_HELD, new StrategyDiscussionHeld(STEP_ID, CASE_ID, "CH-1",
                        "north-mash", AT, true)),
                Arguments.of(EventTypes.SECTION47_STARTED, new Section47Started(STEP_ID, CASE_ID, "CH-1",
                        "north-mash", AT, OTHER_STEP_ID, REFERRAL_DATE, LocalDate.of(2024, 3, 26))),
                Arguments.of(EventTypes.SECTION47_COMPLETED, new Section47Completed(STEP_ID, CASE_ID, "CH-1",
                        "north-mash", AT, AT, OTHER_STEP_ID, REFERRAL_DATE, Section47Outcome.NO_ICPC.name())),
                Arguments.of(EventTypes.CONFERENCE_HELD, new ConferenceHeld(STEP_ID, CASE_ID, "CH-1", "north-mash",
                        AT, ConferenceKind.INITIAL.name(), false, OTHER_STEP_ID, REFERRAL_DATE,
                        LocalDate.of(2024, 3, 26), 16, false, ConferenceOutcome.CP_PLAN.name(),
                        AbuseCategory.EMO.name(), PLAN_ID, true, 2)),
                Arguments.of(EventTypes.CONFERENCE_HELD, new ConferenceHeld(STEP_ID, CASE_ID, "CH-1", "north-mash",
                        AT, ConferenceKind.INITIAL.name(), true, null, null, null, null, null,
                        ConferenceOutcome.CP_PLAN.name(), AbuseCategory.SAB.name(), PLAN_ID, false, 0)),
                Arguments.of(EventTypes.CONFERENCE_HELD, new ConferenceHeld(STEP_ID, CASE_ID, "CH-1", "north-mash",
                        AT, ConferenceKind.INITIAL.name(), false, null, null, null, null, null,
                        ConferenceOutcome.NO_PLAN.name(), null, null, null, null)),
                Arguments.of(EventTypes.CONFERENCE_HELD, new ConferenceHeld(STEP_ID, CASE_ID, "CH-1", "north-mash",
                        AT, ConferenceKind.REVIEW.name(), false, null, null, null, null, null,
                        ConferenceOutcome.CP_PLAN.name(), null, null, null, null)),
                Arguments.of(EventTypes.CP_PLAN_ENDED, new CpPlanEnded(PLAN_ID, CASE_ID, "CH-1", "north-mash", AT,
                        REFERRAL_DATE, LocalDate.of(2026, 3, 4), AbuseCategory.PHY.name(), true)),
                Arguments.of(EventTypes.CASE_CLOSED, new CaseClosed(CASE_ID, "CH-1", "north-mash", AT, REFERRAL_DATE,
                        LocalDate.of(2024, 3, 4), ClosureReason.RC1.name(), true)),
                Arguments.of(EventTypes.CASE_CLOSED, new CaseClosed(CASE_ID, "CH-1", "north-mash", AT, REFERRAL_DATE,
                        LocalDate.of(2024, 6, 28), ClosureReason.RC9.name(), false)));
    }

    @Test
    void everyTypeWithASchemaIsProducedAtLeastOnce() {
        assertEquals(EventSchemas.typesWithSchema(),
                producedPayloads().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("producedPayloads")
    void serializedRecordValidatesAgainstItsSchema(String type, Object payload) {
        assertEquals(List.of(), ContractValidator.validateData(type, Json.write(payload)), payload.toString());
    }

    @ParameterizedTest
    @MethodSource("producedPayloads")
    void serializedRecordWritesTimesAsIsoStringsAndKeepsNullsExplicit(String type, Object payload) {
        JsonNode json = Json.tree(payload);

        assertEquals("2024-03-04T09:15:00.123456789Z", json.get("occurredAt").asText());
        assertEquals(payload.getClass().getRecordComponents().length, json.size(), json.toString());
    }

    static Stream<String> samples() {
        return EventSchemas.allSamples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleDataReadsIntoTheRecordAndWritesBackTheSameValues(String sample) throws Exception {
        ObjectNode event = Json.readResource(sample);
        String type = event.get("type").asText();
        JsonNode data = event.get("data");

        // Through JSON text both ways, as on the wire, so a decimal such as 1.0 compares as the same node.
        Object payload = Json.MAPPER.readValue(data.toString(), Json.PAYLOADS.get(type));
        JsonNode written = Json.MAPPER.readTree(Json.write(payload));

        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertEquals(field.getValue(), written.get(field.getKey()), sample + " field " + field.getKey());
        }
        assertEquals(List.of(), ContractValidator.validateData(type, written.toString()), sample);
    }

    @Test
    void everyTypeWithASchemaHasAPayloadRecord() {
        assertEquals(EventSchemas.typesWithSchema(), Json.PAYLOADS.keySet());
    }

    @Test
    void recordComponentsAreTheSchemaPropertiesInOrder() throws Exception {
        for (Map.Entry<String, Class<?>> payload : Json.PAYLOADS.entrySet()) {
            JsonNode schema;
            try (InputStream in = EventSchemas.schema(payload.getKey())) {
                schema = Json.MAPPER.readTree(in);
            }
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> components = Arrays.stream(payload.getValue().getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toList());

            assertEquals(properties, components, payload.getKey());
        }
    }

    @Test
    void primitiveComponentsAreRequiredBecauseARecordCannotLeaveThemOut() throws Exception {
        for (Map.Entry<String, Class<?>> payload : Json.PAYLOADS.entrySet()) {
            JsonNode schema;
            try (InputStream in = EventSchemas.schema(payload.getKey())) {
                schema = Json.MAPPER.readTree(in);
            }
            List<String> required = new ArrayList<>();
            schema.get("required").forEach(field -> required.add(field.asText()));
            for (RecordComponent component : payload.getValue().getRecordComponents()) {
                if (component.getType().isPrimitive()) {
                    assertTrue(required.contains(component.getName()), payload.getKey() + " " + component.getName());
                }
            }
        }
    }

    @Test
    void workerDecimalsTravelAsJsonNumbersWithTheirScale() throws Exception {
        WorkerUpdated worker = new WorkerUpdated("sw-042", "north-mash", AT, new BigDecimal("0.60"), true,
                new BigDecimal("16.5"));
        JsonNode json = Json.tree(worker);

        assertTrue(json.get("fte").isNumber(), json.toString());
        assertTrue(json.get("caseloadThreshold").isNumber(), json.toString());
        WorkerUpdated back = Json.MAPPER.readValue(Json.write(worker), WorkerUpdated.class);
        assertEquals(new BigDecimal("0.60"), back.fte());
        assertEquals(new BigDecimal("16.5"), back.caseloadThreshold());
    }

    @Test
    void allocationRecordsIgnoreFieldsAddedLaterEvenWithAStrictMapper() throws Exception {
        ObjectMapper strict = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        for (String type : EventTypes.allocationTypes()) {
            ObjectNode data = (ObjectNode) Json.readResource(EventSchemas.samples(type).get(0)).get("data");
            data.put("fieldFromAFutureRelease", "x");

            Object payload = strict.treeToValue(data, Json.PAYLOADS.get(type));

            assertEquals(Instant.parse(data.get("occurredAt").asText()),
                    payload.getClass().getMethod("occurredAt").invoke(payload), type);
            assertTrue(ContractValidator.validateData(type, data.toString()).isEmpty(), type);
        }
    }

    @Test
    void recordsIgnoreFieldsAddedLaterEvenWithAStrictMapper() throws Exception {
        ObjectMapper strict = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        ObjectNode data = (ObjectNode) Json.readResource(EventSchemas.samples(EventTypes.CONTACT_RECEIVED).get(0))
                .get("data");
        data.put("fieldFromAFutureRelease", "x");

        ContactReceived contact = strict.treeToValue(data, ContactReceived.class);

        assertEquals(data.get("contactId").asText(), contact.contactId());
        assertTrue(ContractValidator.validateData(EventTypes.CONTACT_RECEIVED, data.toString()).isEmpty());
    }
}
