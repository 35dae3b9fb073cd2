package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Enforces DOMAIN.md §7 on the contract itself: no schema may declare, and no golden sample may
 * carry, a field for a name, address, date of birth, NHS number, case notes or rationale text.
 */
class PersonalDataTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "name|forename|surname|address|postcode|dateofbirth|birthdate|dob|nhs|note|rationale(text)?|narrative");

    @Test
    void schemasDeclareNoPersonalDataFields() throws IOException {
        assertEquals(EventTypes.all(), EventSchemas.typesWithSchema(), "every event type is checked");
        TreeSet<String> found = new TreeSet<>();
        for (String type : EventSchemas.typesWithSchema()) {
            try (InputStream in = EventSchemas.schema(type)) {
                collectDeclaredProperties(Json.MAPPER.readTree(in), type, found);
            }
        }

        assertEquals(new TreeSet<>(), found);
    }

    @Test
    void samplesCarryNoPersonalDataFields() {
        TreeSet<String> found = new TreeSet<>();
        for (String sample : EventSchemas.allSamples()) {
            collectFieldNames(Json.readResource(sample).get("data"), sample, found);
        }

        assertEquals(new TreeSet<>(), found);
    }

    @Test
    void theRuleCatchesTheFieldsItIsMeantFor() {
        for (String field : List.of("firstName", "surname", "address", "postcode", "dateOfBirth", "dob",
                "nhsNumber", "caseNotes", "rationale", "displayName", "workerName", "childName", "notes")) {
            TreeSet<String> found = new TreeSet<>();
            check(field, "probe", found);
            assertEquals(1, found.size(), field);
        }
        TreeSet<String> allowed = new TreeSet<>();
        check("rationaleRecorded", "probe", allowed);
        check("birthMonth", "probe", allowed);
        check("noFurtherStepAfterReferral", "probe", allowed);
        check("strategyDiscussionDate", "probe", allowed);
        check("detail", "probe", allowed);
        check("subjectId", "probe", allowed);
        check("deallocatedBy", "probe", allowed);
        check("caseloadThreshold", "probe", allowed);
        assertEquals(new TreeSet<>(), allowed);
    }

    @Test
    void allocationEventsCarryNoStaffNameAndAlertsNoFreeText() throws IOException {
        try (InputStream in = EventSchemas.schema(EventTypes.WORKER_UPDATED)) {
            JsonNode properties = Json.MAPPER.readTree(in).get("properties");
            assertFalse(properties.has("displayName"), "worker display names stay in the allocation service");
        }
        for (String type : EventTypes.allocationTypes()) {
            for (String sample : EventSchemas.samples(type)) {
                JsonNode data = Json.readResource(sample).get("data");
                assertFalse(data.has("displayName"), sample);
                assertFalse(data.has("overrideReason"), sample);
            }
        }
        for (String sample : EventSchemas.samples(EventTypes.ALERT_RAISED)) {
            String detail = Json.readResource(sample).get("data").get("detail").asText();
            assertFalse(detail.contains("CH-"), sample + ": the detail names no child reference");
        }
    }

    private static void collectDeclaredProperties(JsonNode node, String where, TreeSet<String> found) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(field -> check(field, where, found));
            }
            node.forEach(child -> collectDeclaredProperties(child, where, found));
        } else if (node.isArray()) {
            node.forEach(child -> collectDeclaredProperties(child, where, found));
        }
    }

    private static void collectFieldNames(JsonNode node, String where, TreeSet<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                check(field.getKey(), where, found);
                collectFieldNames(field.getValue(), where, found);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectFieldNames(child, where, found));
        }
    }

    private static void check(String field, String where, TreeSet<String> found) {
        String lower = field.toLowerCase(Locale.ROOT);
        boolean forbidden = lower.equals("rationale") || lower.equals("rationaletext")
                || FORBIDDEN.matcher(lower).find() && !lower.equals("rationalerecorded");
        if (forbidden) {
            found.add(where + ": " + field);
        }
    }
}
