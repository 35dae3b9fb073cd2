package org.frontdoor.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing a user of the front door does, at a simulated time: what the model decided, before it is sent.
 * Each action knows the request that carries it; ids the services hand out (contact, case, step ids) are
 * named by the model's own keys and resolved when the request is sent.
 */
sealed interface Action {

    /** When it happens in simulated time. */
    Instant at();

    /**
     * The child it concerns: a child's actions are sent in order on one client. {@code null} for an action
     * about the team (a worker's settings), which waits for everything before it.
     */
    String lane();

    /** The request, with ids resolved by {@code ids} and times stamped only when {@code stampTimes}. */
    Request request(Ids ids, boolean stampTimes);

    /** A short name used in counts and summaries. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** Resolves the model's keys to the ids the services gave. */
    interface Ids {
        String contact(long contactKey);

        String caseId(long caseKey);

        String assessment(long caseKey);

        String strategyDiscussion(long caseKey);

        String section47(long caseKey);
    }

    /** The services a request goes to. */
    enum Service { REFERRAL, ALLOCATION }

    /** An HTTP request as a user makes it: method, service, path, JSON body and the dev user who sends it. */
    record Request(String method, Service service, String path, ObjectNode body, String user) {
    }

    JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ObjectNode body(Instant at, String field, boolean stampTimes) {
        ObjectNode body = JSON.objectNode();
        if (stampTimes) {
            body.put(field, at.toString());
        }
        return body;
    }

    record PutWorker(Instant at, String workerId, String displayName, String team, BigDecimal fte,
            boolean caseHolding, BigDecimal caseloadThreshold) implements Action {
        @Override
        public String lane() {
            return null;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = JSON.objectNode().put("displayName", displayName).put("team", team).put("fte", fte)
                    .put("caseHolding", caseHolding).put("caseloadThreshold", caseloadThreshold);
            return new Request("PUT", Service.ALLOCATION, "/workers/" + workerId, body, "admin");
        }
    }

    record ReceiveContact(Instant at, long contactKey, String childRef, String source, String channel,
            boolean outOfHours, String team, String contactGroup, List<String> concerns, String birthMonth,
            String gender, String ethnicity) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = JSON.objectNode().put("childRef", childRef);
            if (stampTimes) {
                body.put("receivedAt", at.toString());
            }
            body.put("source", source).put("channel", channel).put("outOfHours", outOfHours).put("team", team);
            if (contactGroup != null) {
                body.put("contactGroup", contactGroup);
            }
            if (!concerns.isEmpty()) {
                concerns.forEach(body.putArray("concerns")::add);
            }
            body.putObject("child").put("birthMonth", birthMonth).put("gender", gender).put("ethnicity", ethnicity);
            return new Request("POST", Service.REFERRAL, "/contacts", body, "worker");
        }
    }

    record DecideContact(Instant at, long contactKey, String childRef, String outcome, String decidedBy,
            String rationale, long caseKey) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = JSON.objectNode().put("outcome", outcome);
            if (stampTimes) {
                body.put("decidedAt", at.toString());
            }
            body.put("decidedBy", decidedBy).put("rationale", rationale);
            return new Request("POST", Service.REFERRAL, "/contacts/" + ids.contact(contactKey) + "/decision", body,
                    "duty");
        }

        boolean opensCase() {
            return "REFERRAL".equals(outcome);
        }
    }

    /**
     * The duty manager gives the case to the first of {@code candidates} (least loaded first); a 409 from a
     * worker who filled up meanwhile moves on to the next. With an {@code overrideReason} nobody had room.
     */
    record AllocateCase(Instant at, long caseKey, String childRef, String team, List<String> candidates,
            String allocatedBy, String overrideReason) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            return request(ids, stampTimes, candidates.get(0), overrideReason);
        }

        Request request(Ids ids, boolean stampTimes, String workerId, String reason) {
            ObjectNode body = JSON.objectNode().put("workerId", workerId);
            if (stampTimes) {
                body.put("allocatedAt", at.toString());
            }
            body.put("allocatedBy", allocatedBy);
            if (reason != null) {
                body.put("overrideReason", reason);
            }
            return new Request("POST", Service.ALLOCATION, "/cases/" + ids.caseId(caseKey) + "/allocation", body,
                    "duty");
        }
    }

    record StartAssessment(Instant at, long caseKey, String childRef) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "startedAt", stampTimes).put("kind", "SINGLE");
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/assessments", body,
                    "worker");
        }
    }

    record CompleteAssessment(Instant at, long caseKey, String childRef, String outcome, String primaryNeed)
            implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "completedAt", stampTimes).put("outcome", outcome).put("primaryNeed", primaryNeed);
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/assessments/"
                    + ids.assessment(caseKey) + "/completion", body, "worker");
        }
    }

    record HoldStrategyDiscussion(Instant at, long caseKey, String childRef, boolean section47Initiated)
            implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "heldAt", stampTimes).put("section47Initiated", section47Initiated);
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/strategy-discussions",
                    body, "worker");
        }
    }

    record StartSection47(Instant at, long caseKey, String childRef) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "startedAt", stampTimes)
                    .put("strategyDiscussionId", ids.strategyDiscussion(caseKey));
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/section47-enquiries",
                    body, "worker");
        }
    }

    record CompleteSection47(Instant at, long caseKey, String childRef, String outcome) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "completedAt", stampTimes).put("outcome", outcome);
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/section47-enquiries/"
                    + ids.section47(caseKey) + "/completion", body, "worker");
        }
    }

    /** An initial conference follows the case's Section 47 enquiry; a review needs the plan it reviews. */
    record HoldConference(Instant at, long caseKey, String childRef, String conferenceKind, String outcome,
            String category)
            implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "heldAt", stampTimes).put("kind", conferenceKind);
            if ("INITIAL".equals(conferenceKind)) {
                body.put("section47EnquiryId", ids.section47(caseKey));
            }
            body.put("outcome", outcome);
            if (category != null) {
                body.put("category", category);
            }
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/conferences", body,
                    "worker");
        }

        @Override
        public String kind() {
            return "INITIAL".equals(conferenceKind) ? "HoldInitialConference" : "HoldReviewConference";
        }
    }

    record EndCpPlan(Instant at, long caseKey, String childRef) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/cp-plan/end",
                    body(at, "endedAt", stampTimes), "worker");
        }
    }

    record CloseCase(Instant at, long caseKey, String childRef, String reason) implements Action {
        @Override
        public String lane() {
            return childRef;
        }

        @Override
        public Request request(Ids ids, boolean stampTimes) {
            ObjectNode body = body(at, "closedAt", stampTimes).put("reason", reason);
            return new Request("POST", Service.REFERRAL, "/cases/" + ids.caseId(caseKey) + "/closure", body,
                    "worker");
        }
    }
}
