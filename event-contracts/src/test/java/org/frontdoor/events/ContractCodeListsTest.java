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
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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
