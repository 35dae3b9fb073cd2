package org.frontdoor.metrics.messaging;

import static org.frontdoor.kit.consumer.EventData.bool;
import static org.frontdoor.kit.consumer.EventData.date;
import static org.frontdoor.kit.consumer.EventData.enumValue;
import static org.frontdoor.kit.consumer.EventData.instant;
import static org.frontdoor.kit.consumer.EventData.integer;
import static org.frontdoor.kit.consumer.EventData.optionalInstant;
import static org.frontdoor.kit.consumer.EventData.optionalText;
import static org.frontdoor.kit.consumer.EventData.text;
import static org.frontdoor.kit.consumer.EventData.uuid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.Channel;
import org.frontdoor.events.ChildProfile;
import org.frontdoor.events.ClosureReason;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.events.Section47Outcome;
import org.frontdoor.events.SourceCodes;
import org.frontdoor.kit.consumer.InvalidEventException;
import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.Referral;

/**
 * Reads the contract's event data (the JSON Schemas in event-contracts) into the facts' domain records.
 * Data that breaks the contract can never be counted, so it is refused with {@link InvalidEventException}
 * and goes to the dead-letter topic; the reason names the field, never its value.
 */
final class EventReader {

    private EventReader() {
    }

    /** Data of {@code frontdoor.contact.received.v1}. */
    static ContactReceipt contactReceipt(JsonNode data) {
        return new ContactReceipt(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"),
                source(data), enumValue(data, "channel", Channel.class), bool(data, "outOfHours"),
                instant(data, "occurredAt"), date(data, "decisionDueBy"));
    }

    /** Data of {@code frontdoor.contact.decided.v1}. */
    static ContactDecision contactDecision(JsonNode data) {
        return new ContactDecision(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"), source(data),
                instant(data, "receivedAt"), date(data, "decisionDueBy"), instant(data, "occurredAt"),
                enumValue(data, "outcome", ContactOutcome.class), bool(data, "rationaleRecorded"));
    }

    /** Data of {@code frontdoor.case.opened.v1}. */
    static Referral referral(JsonNode data) {
        int previous = integer(data, "referralsInPrevious12Months");
        if (previous < 0) {
            throw new InvalidEventException("referralsInPrevious12Months must not be negative");
        }
        return new Referral(uuid(data, "caseId"), text(data, "childRef"), uuid(data, "contactId"), text(data, "team"),
                source(data), instant(data, "occurredAt"), date(data, "referralDate"), bool(data, "reReferral"),
                previous);
    }

    /** Data of {@code frontdoor.case.allocated.v1}. */
    static Allocation allocation(JsonNode data) {
        return new Allocation(uuid(data, "caseId"), text(data, "workerId"), text(data, "team"),
                instant(data, "occurredAt"), bool(data, "thresholdOverridden"), optionalText(data, "previousWorkerId"));
    }

    /** Data of {@code frontdoor.contact.received.v1}: the child as the contact describes it (codes only). */
    static ChildProfile child(JsonNode data) {
        JsonNode child = data.get("child");
        if (child == null || child.isNull()) {
            return new ChildProfile(null, null, null);
        }
        if (!child.isObject()) {
            throw new InvalidEventException("child is not an object");
        }
        String birthMonth = optionalText(child, "birthMonth");
        if (birthMonth != null && !birthMonth.matches("^\\d{4}-(0[1-9]|1[0-2])$")) {
            throw new InvalidEventException("child.birthMonth is not YYYY-MM");
        }
        return new ChildProfile(birthMonth, optionalText(child, "gender"), optionalText(child, "ethnicity"));
    }

    /** Data of {@code frontdoor.assessment.started.v1} or {@code .completed.v1} (then with its completion). */
    static Facts.Assessment assessment(JsonNode data, boolean completed) {
        Instant startedAt = instant(data, completed ? "startedAt" : "occurredAt");
        return new Facts.Assessment(uuid(data, "assessmentId"), uuid(data, "caseId"), text(data, "childRef"),
                text(data, "team"), enumValue(data, "kind", AssessmentKind.class), date(data, "referralDate"),
                startedAt, completed ? instant(data, "occurredAt") : null);
    }

    /** The outcome and primary need of {@code frontdoor.assessment.completed.v1}. */
    static String[] assessmentOutcome(JsonNode data) {
        String outcome = enumValue(data, "outcome", AssessmentOutcome.class).name();
        PrimaryNeed need = optionalText(data, "primaryNeed") == null ? null
                : enumValue(data, "primaryNeed", PrimaryNeed.class);
        return new String[] { outcome, need == null ? null : need.name() };
    }

    /** Data of {@code frontdoor.strategy-discussion.held.v1}. */
    static StrategyDiscussion strategyDiscussion(JsonNode data) {
        return new StrategyDiscussion(uuid(data, "strategyDiscussionId"), uuid(data, "caseId"),
                text(data, "childRef"), text(data, "team"), instant(data, "occurredAt"),
                bool(data, "section47Initiated"));
    }

    /** Data of {@code frontdoor.section47.started.v1} or {@code .completed.v1} (then with its outcome). */
    static Facts.Section47 section47(JsonNode data, boolean completed) {
        return new Facts.Section47(uuid(data, "section47Id"), uuid(data, "caseId"), text(data, "childRef"),
                text(data, "team"), date(data, "strategyDiscussionDate"),
                instant(data, completed ? "startedAt" : "occurredAt"), completed ? instant(data, "occurredAt") : null,
                completed ? enumValue(data, "outcome", Section47Outcome.class) : null);
    }

    static UUID strategyDiscussionId(JsonNode data) {
        return uuid(data, "strategyDiscussionId");
    }

    /** Data of {@code frontdoor.conference.held.v1}. */
    static Facts.Conference conference(JsonNode data) {
        return new Facts.Conference(uuid(data, "conferenceId"), uuid(data, "caseId"), text(data, "childRef"),
                text(data, "team"), instant(data, "occurredAt"), enumValue(data, "kind", ConferenceKind.class),
                bool(data, "transferIn"), optionalUuid(data, "section47Id"),
                optionalDate(data, "strategyDiscussionDate"), enumValue(data, "outcome", ConferenceOutcome.class));
    }

    /** The plan a conference started, or null when it started none. */
    static Facts.CpPlan planStarted(JsonNode data, Facts.Conference conference) {
        UUID planId = optionalUuid(data, "cpPlanId");
        if (planId == null) {
            return null;
        }
        JsonNode repeat = data.get("repeatCpPlan");
        return new Facts.CpPlan(planId, conference.caseId(), conference.childRef(), conference.team(),
                conference.heldDate(), null, repeat != null && repeat.isBoolean() && repeat.booleanValue());
    }

    static String category(JsonNode data) {
        return optionalText(data, "category") == null ? null : enumValue(data, "category", AbuseCategory.class).name();
    }

    /** Data of {@code frontdoor.cp-plan.ended.v1}. */
    static Facts.CpPlan planEnded(JsonNode data) {
        LocalDate start = date(data, "startDate");
        LocalDate end = date(data, "endDate");
        if (end.isBefore(start)) {
            throw new InvalidEventException("endDate is before startDate");
        }
        return new Facts.CpPlan(uuid(data, "cpPlanId"), uuid(data, "caseId"), text(data, "childRef"),
                text(data, "team"), start, end, false);
    }

    /** Data of {@code frontdoor.case.closed.v1}. */
    static CaseClosure closure(JsonNode data) {
        return new CaseClosure(uuid(data, "caseId"), text(data, "childRef"), text(data, "team"),
                instant(data, "occurredAt"), date(data, "referralDate"), date(data, "closedDate"),
                enumValue(data, "reason", ClosureReason.class).name(), bool(data, "noFurtherStepAfterReferral"));
    }

    /** Data of {@code frontdoor.case.deallocated.v1}. */
    static Facts.Deallocation deallocation(JsonNode data) {
        return new Facts.Deallocation(uuid(data, "caseId"), text(data, "workerId"), instant(data, "occurredAt"),
                optionalInstant(data, "waitingSince"));
    }

    static String deallocationReason(JsonNode data) {
        String reason = text(data, "reason");
        if (!reason.matches("^[A-Z][A-Z_]{0,39}$")) {
            throw new InvalidEventException("reason is not a reason code");
        }
        return reason;
    }

    /** Data of {@code frontdoor.worker.updated.v1}, with when it was true. */
    static WorkerUpdate worker(JsonNode data) {
        BigDecimal fte = decimal(data, "fte");
        if (fte == null || fte.signum() <= 0) {
            throw new InvalidEventException("fte is missing or not positive");
        }
        return new WorkerUpdate(new Facts.Worker(text(data, "workerId"), text(data, "team"), fte,
                bool(data, "caseHolding"), decimal(data, "caseloadThreshold")), instant(data, "occurredAt"));
    }

    /** A strategy discussion, the anchor of the ICPC clock when it initiates an enquiry. */
    record StrategyDiscussion(UUID id, UUID caseId, String childRef, String team, Instant heldAt,
            boolean section47Initiated) {
    }

    record CaseClosure(UUID caseId, String childRef, String team, Instant closedAt, LocalDate referralDate,
            LocalDate closedDate, String reason, boolean noFurtherStep) {
    }

    record WorkerUpdate(Facts.Worker worker, Instant updatedAt) {
    }

    private static UUID optionalUuid(JsonNode data, String field) {
        return optionalText(data, field) == null ? null : uuid(data, field);
    }

    private static LocalDate optionalDate(JsonNode data, String field) {
        return optionalText(data, field) == null ? null : date(data, field);
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidEventException(field + " is not a number");
        }
        return value.decimalValue();
    }

    private static String source(JsonNode data) {
        String source = text(data, "source");
        if (!SourceCodes.isValid(source)) {
            throw new InvalidEventException("source is not a census source code");
        }
        return source;
    }
}
