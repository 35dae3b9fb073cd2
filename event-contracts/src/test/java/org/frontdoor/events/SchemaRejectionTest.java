package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the schemas can fail: each case breaks one rule of an otherwise valid golden sample and
 * expects the schema to reject it, so the sample tests are not passing against an empty schema.
 */
class SchemaRejectionTest {

    private static final String RECEIVED_FULL = "samples/frontdoor.contact.received.v1/full.json";
    private static final String DECIDED_REFERRAL = "samples/frontdoor.contact.decided.v1/referral.json";
    private static final String DECIDED_NFA = "samples/frontdoor.contact.decided.v1/no-further-action.json";
    private static final String OPENED = "samples/frontdoor.case.opened.v1/first-referral.json";
    private static final String ALLOCATED = "samples/frontdoor.case.allocated.v1/reallocation-over-threshold.json";

    static Stream<Arguments> brokenSamples() {
        return Stream.of(
                broken("unknown channel", RECEIVED_FULL, data -> data.put("channel", "FAX")),
                broken("unknown source code", RECEIVED_FULL, data -> data.put("source", "11")),
                broken("source code in lower case", RECEIVED_FULL, data -> data.put("source", "2a")),
                broken("missing contactId", RECEIVED_FULL, data -> data.remove("contactId")),
                broken("null childRef", RECEIVED_FULL, data -> data.putNull("childRef")),
                broken("childRef with spaces, like a name", RECEIVED_FULL, data -> data.put("childRef", "Jane Doe")),
                broken("contactId not a UUID", RECEIVED_FULL, data -> data.put("contactId", "contact-1")),
                broken("occurredAt not a date-time", RECEIVED_FULL, data -> data.put("occurredAt", "2024-03-04")),
                broken("occurredAt without offset", RECEIVED_FULL,
                        data -> data.put("occurredAt", "2024-03-04T09:15:00")),
                broken("decisionDueBy not a date", RECEIVED_FULL, data -> data.put("decisionDueBy", "05/03/2024")),
                broken("outOfHours as a string", RECEIVED_FULL, data -> data.put("outOfHours", "false")),
                broken("birthMonth month 13", RECEIVED_FULL,
                        data -> ((ObjectNode) data.get("child")).put("birthMonth", "2016-13")),
                broken("birthMonth as a full date of birth", RECEIVED_FULL,
                        data -> ((ObjectNode) data.get("child")).put("birthMonth", "2016-07-14")),
                broken("concern as free text", RECEIVED_FULL,
                        data -> data.putArray("concerns").add("dad shouts at the kids")),
                broken("unknown outcome", DECIDED_REFERRAL, data -> data.put("outcome", "REFER")),
                broken("referral without a case", DECIDED_REFERRAL, data -> data.remove("caseId")),
                broken("referral with a null case", DECIDED_REFERRAL, data -> data.putNull("caseId")),
                broken("missing rationaleRecorded", DECIDED_NFA, data -> data.remove("rationaleRecorded")),
                broken("negative working days", DECIDED_NFA, data -> data.put("workingDaysToDecision", -1)),
                broken("fractional working days", DECIDED_NFA, data -> data.put("workingDaysToDecision", 1.5)),
                broken("missing referralDate", OPENED, data -> data.remove("referralDate")),
                broken("reReferral as a number", OPENED, data -> data.put("reReferral", 1)),
                broken("missing workerId", ALLOCATED, data -> data.remove("workerId")),
                broken("empty previousWorkerId", ALLOCATED, data -> data.put("previousWorkerId", "")));
    }

    private static Arguments broken(String rule, String sample, Consumer<ObjectNode> breakIt) {
        return Arguments.of(rule, sample, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void schemaRejectsTheBrokenSample(String rule, String sample, Consumer<ObjectNode> breakIt) {
        ObjectNode event = Json.readResource(sample);
        ObjectNode data = (ObjectNode) event.get("data");
        String type = event.get("type").asText();
        assertEquals(List.of(), ContractValidator.validateData(type, data.toString()), "unbroken " + sample);

        breakIt.accept(data);

        assertFalse(ContractValidator.validateData(type, data.toString()).isEmpty(), rule);
    }
}
