package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(EventSchemas.typesWithSchema().containsAll(EventTypes.referralTypes()),
                "every referral event type is checked");
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
                "nhsNumber", "caseNotes", "rationale")) {
            TreeSet<String> found = new TreeSet<>();
            check(field, "probe", found);
            assertEquals(1, found.size(), field);
        }
        TreeSet<String> allowed = new TreeSet<>();
        check("rationaleRecorded", "probe", allowed);
        check("birthMonth", "probe", allowed);
        check("noFurtherStepAfterReferral", "probe", allowed);
        check("strategyDiscussionDate", "probe", allowed);
        assertEquals(new TreeSet<>(), allowed);
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
