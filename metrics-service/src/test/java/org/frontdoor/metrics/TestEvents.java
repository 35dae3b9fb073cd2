package org.frontdoor.metrics;

import java.util.UUID;

/**
 * Event data written by hand exactly as referral-service and allocation-service publish it (the JSON
 * Schemas of event-contracts, checked by {@code TestEventsContractTest}), so tests feed the consumer what
 * the producers really send.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /**
     * A contact in a test: its ids and receipt.
     *
     * @param receivedAt an ISO-8601 instant
     * @param dueBy      the decision due date the referral service worked out
     */
    public record Contact(String id, String childRef, String team, String source, String receivedAt, String dueBy) {

        public static Contact of(String team, String source, String receivedAt, String dueBy) {
            return new Contact(UUID.randomUUID().toString(), "child-" + UUID.randomUUID(), team, source, receivedAt,
                    dueBy);
        }

        /** Data of frontdoor.contact.received.v1, by phone, in hours. */
        public String received() {
            return """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "source": "%s", "channel": "PHONE",
                     "outOfHours": false, "team": "%s", "contactGroup": null, "decisionDueBy": "%s",
                     "concerns": ["NEGLECT"], "child": {"birthMonth": "2016-07", "gender": "2", "ethnicity": "WBRI"}}
                    """.formatted(id, childRef, receivedAt, source, team, dueBy);
        }

        /**
         * Data of frontdoor.contact.decided.v1.
         *
         * @param caseId the case a REFERRAL opened, or null
         */
        public String decided(String outcome, String decidedAt, boolean rationaleRecorded, int workingDays,
                String caseId) {
            return """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "receivedAt": "%s", "team": "%s",
                     "source": "%s", "outcome": "%s", "decidedBy": "duty", "rationaleRecorded": %s,
                     "decisionDueBy": "%s", "workingDaysToDecision": %d, "caseId": %s}
                    """.formatted(id, childRef, decidedAt, receivedAt, team, source, outcome, rationaleRecorded, dueBy,
                    workingDays, caseId == null ? "null" : "\"" + caseId + "\"");
        }

        /** Data of frontdoor.case.opened.v1 for the case this contact's referral opened. */
        public String caseOpened(String caseId, String openedAt, String referralDate, int previousReferrals) {
            return """
                    {"caseId": "%s", "childRef": "%s", "contactId": "%s", "occurredAt": "%s", "referralDate": "%s",
                     "team": "%s", "source": "%s", "reReferral": %s, "referralsInPrevious12Months": %d}
                    """.formatted(caseId, childRef, id, openedAt, referralDate, team, source, previousReferrals > 0,
                    previousReferrals);
        }
    }

    /** Data of frontdoor.case.allocated.v1, a first allocation when {@code previousWorkerId} is null. */
    public static String caseAllocated(String caseId, String childRef, String workerId, String team,
            String allocatedAt, String previousWorkerId) {
        return """
                {"caseId": "%s", "childRef": "%s", "workerId": "%s", "team": "%s", "occurredAt": "%s",
                 "allocatedBy": "duty", "thresholdOverridden": false, "previousWorkerId": %s}
                """.formatted(caseId, childRef, workerId, team, allocatedAt,
                previousWorkerId == null ? "null" : "\"" + previousWorkerId + "\"");
    }
}
