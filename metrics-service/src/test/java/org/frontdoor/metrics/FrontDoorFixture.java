package org.frontdoor.metrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Section47Outcome;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.LocalTargets;

/**
 * A front door written by hand: fact rows for the pure indicator rules and, for the same history, the
 * events the producers would publish (shaped as event-contracts' schemas say), so a test can compare what
 * the service answers after the broker with what the rules say. Names are short ("C1", "K4"); a suffix
 * keeps the ids, teams and children of one test run apart from every other run's.
 */
public final class FrontDoorFixture {

    /** One event as a producer publishes it. */
    public record Event(String id, String type, String subject, String key, String data) {
    }

    public static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    private final String suffix;
    private final Map<String, UUID> ids = new HashMap<>();
    private final Map<String, Facts.Case> cases = new LinkedHashMap<>();
    private final List<Facts.Contact> contacts = new ArrayList<>();
    private final List<Facts.Allocation> allocations = new ArrayList<>();
    private final List<Facts.Deallocation> deallocations = new ArrayList<>();
    private final List<Facts.Worker> workers = new ArrayList<>();
    private final Map<String, Facts.Assessment> assessments = new LinkedHashMap<>();
    private final List<Facts.Section47> enquiries = new ArrayList<>();
    private final List<Facts.Conference> conferences = new ArrayList<>();
    private final List<Facts.CpPlan> plans = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private int opened;

    /** @param suffix appended to every team and child, and mixed into every id; empty for unit tests */
    public FrontDoorFixture(String suffix) {
        this.suffix = suffix;
    }

    /**
     * May 2024 at a front door of two teams (north, south): what each indicator must say about it is worked
     * out by hand in IndicatorRulesTest. Bank holidays that month: Monday 6th and Monday 27th.
     */
    public static FrontDoorFixture may2024(String suffix) {
        FrontDoorFixture door = new FrontDoorFixture(suffix);
        // Contacts. C1: received Friday 3rd, decided Tuesday 7th, the day after the bank holiday: 1 WD.
        door.contact("C1", "A", "north", "6", "2024-05-03T10:00:00Z", "2024-05-07T09:00:00Z",
                ContactOutcome.REFERRAL, true);
        // C2: received Saturday 4th, decided Tuesday 7th: only Tuesday counts, 1 WD.
        door.contact("C2", "X", "north", "6", "2024-05-04T11:00:00Z", "2024-05-07T15:00:00Z",
                ContactOutcome.NO_FURTHER_ACTION, false);
        // C3: received Saturday 11th, decided Monday 13th: 1 WD.
        door.contact("C3", "Y", "north", "2A", "2024-05-11T09:00:00Z", "2024-05-13T09:00:00Z",
                ContactOutcome.EARLY_HELP, true);
        // C4: received Monday 13th, decided Wednesday 15th: 2 WD, late.
        door.contact("C4", "B", "south", "2A", "2024-05-13T09:00:00Z", "2024-05-15T09:00:00Z",
                ContactOutcome.REFERRAL, true);
        // C5: received, waiting.
        door.contact("C5", "Z", "north", "6", "2024-05-20T09:00:00Z", null, null, false);

        // Cases. K1 (child A) is a re-referral: K0 was exactly 12 months before.
        door.openCase("K0", "A", "north", "6", "2023-05-07", "2023-06-01", true);
        door.openCase("K1", "A", "north", "6", "2024-05-07", null, null, "C1");
        // K2 (child B) is not: KB0 was 12 months and a day before.
        door.openCase("KB0", "B", "south", "2A", "2023-05-14", "2023-07-01", false);
        door.openCase("K2", "B", "south", "2A", "2024-05-15", null, null, "C4");
        // Closed in May: K3 with no step after the referral, K4 after an assessment and a plan.
        door.openCase("K3", "C", "north", "6", "2024-04-02", "2024-05-10", true);
        door.openCase("K4", "D", "north", "6", "2024-03-05", "2024-05-31", false);
        door.openCase("K5", "E", "north", "6", "2024-05-29", null, null);
        door.openCase("K6", "F", "north", "6", "2024-03-05", null, null);
        door.openCase("K7", "J", "north", "6", "2024-02-01", null, null);
        door.openCase("K8", "K", "north", "6", "2024-04-05", null, null);

        // Allocations. K1 first allocated on the 14th: 5 WD after the 7th (in time); reallocated, then its
        // worker left on the 24th and it waits again. K2 first allocated on the 23rd: 6 WD (late). K4 long before.
        door.allocate("K1", "sw-1", "2024-05-14T10:00:00Z");
        door.allocate("K1", "sw-2", "2024-05-20T10:00:00Z");
        door.deallocate("K1", "sw-2", "2024-05-24T10:00:00Z", "2024-05-24T10:00:00Z");
        door.allocate("K2", "sw-3", "2024-05-23T10:00:00Z");
        door.allocate("K4", "sw-1", "2024-03-06T10:00:00Z");
        door.worker("sw-1", "north", "1.0", true, null);
        door.worker("sw-2", "north", "1.0", true, null);
        door.worker("sw-3", "south", "0.5", true, "1.5");
        door.worker("sw-4", "north", "1.0", false, null);

        // Assessments: due 45 WD after the referral date, Tuesday 5 March 2024 -> Friday 10 May.
        door.assessment("A1", "K4", AssessmentKind.SINGLE, "2024-03-06T10:00:00Z", "2024-05-10T15:00:00Z");
        door.assessment("A2", "K6", AssessmentKind.SINGLE, "2024-03-07T10:00:00Z", "2024-05-13T15:00:00Z");
        // Open at the end of May: A3 due in July, A4 due 8 April (overdue), A5 due 11 June (within 10 WD).
        door.assessment("A3", "K1", AssessmentKind.SINGLE, "2024-05-08T10:00:00Z", null);
        door.assessment("A4", "K7", AssessmentKind.SINGLE, "2024-02-02T10:00:00Z", null);
        door.assessment("A5", "K8", AssessmentKind.SINGLE, "2024-04-08T10:00:00Z", null);

        // Section 47 enquiries completed in May, both initiated on 1 May: one leading to a conference, one not.
        door.section47("S1", "K4", "2024-05-01T11:00:00Z", "2024-05-01T15:00:00Z", "2024-05-09T15:00:00Z",
                Section47Outcome.ICPC_REQUIRED);
        door.section47("S2", "K6", "2024-05-01T11:00:00Z", "2024-05-01T15:00:00Z", "2024-05-20T15:00:00Z",
                Section47Outcome.NO_ICPC);

        // Conferences: IC1 14 WD after its strategy discussion (in time, plan P1 for child D, who had P0);
        // IC2 16 WD (late, no plan); IC3 and IC5 transfer-ins starting P2 (reported as a repeat) and P3; IC4 a
        // review. Only IC1 and IC2 are ICPCs.
        door.conference("IC1", "K4", ConferenceKind.INITIAL, false, "S1", "2024-05-22T10:00:00Z",
                ConferenceOutcome.CP_PLAN, "P1", false);
        door.conference("IC2", "K6", ConferenceKind.INITIAL, false, "S2", "2024-05-24T10:00:00Z",
                ConferenceOutcome.NO_PLAN, null, false);
        door.openCase("K9", "G", "north", "5C", "2024-05-14", null, null);
        door.conference("IC3", "K9", ConferenceKind.INITIAL, true, null, "2024-05-15T10:00:00Z",
                ConferenceOutcome.CP_PLAN, "P2", true);
        door.conference("IC4", "K4", ConferenceKind.REVIEW, false, null, "2024-05-29T10:00:00Z",
                ConferenceOutcome.NO_PLAN, null, false);
        door.openCase("K10", "H", "south", "5C", "2024-04-30", null, null);
        door.conference("IC5", "K10", ConferenceKind.INITIAL, true, null, "2024-05-02T10:00:00Z",
                ConferenceOutcome.CP_PLAN, "P3", false);

        // Plans ended: P0 long ago for child D; in May P4 exactly two years after its start, P5 a day short.
        door.openCase("K11", "I", "south", "6", "2022-04-01", "2024-05-10", false);
        door.planEnded("P0", "K4", "2021-01-10", "2023-02-01");
        door.planEnded("P4", "K11", "2022-05-10", "2024-05-10");
        door.openCase("K12", "L", "south", "6", "2022-04-01", "2024-05-10", false);
        door.planEnded("P5", "K12", "2022-05-11", "2024-05-10");
        return door;
    }

    /**
     * Referral 12 November 2012 (WT2010 days): initial assessments completed on their 10th and 11th working
     * day, core assessments started on the 26th and completed on their 35th and 36th.
     */
    public static FrontDoorFixture wt2010History(String suffix) {
        FrontDoorFixture door = new FrontDoorFixture(suffix);
        door.openCase("K", "A", "hist", "6", "2012-11-12", null, null);
        door.assessment("I1", "K", AssessmentKind.INITIAL, "2012-11-13T09:00:00Z", "2012-11-26T16:00:00Z");
        door.assessment("I2", "K", AssessmentKind.INITIAL, "2012-11-13T09:00:00Z", "2012-11-27T16:00:00Z");
        door.assessment("CORE1", "K", AssessmentKind.CORE, "2012-11-26T09:30:00Z", "2013-01-17T16:00:00Z");
        door.assessment("CORE2", "K", AssessmentKind.CORE, "2012-11-26T09:30:00Z", "2013-01-18T16:00:00Z");
        door.assessment("CORE3", "K", AssessmentKind.CORE, "2012-11-26T09:30:00Z", null);
        return door;
    }

    public String team(String name) {
        return name + suffix;
    }

    public String child(String name) {
        return "CH-" + name + suffix;
    }

    public UUID uuid(String name) {
        return ids.computeIfAbsent(name,
                n -> UUID.nameUUIDFromBytes((n + "|" + suffix).getBytes(StandardCharsets.UTF_8)));
    }

    public String id(String name) {
        return uuid(name).toString();
    }

    /** The short name of an id, or the id itself when it is not one of this fixture's. */
    public String name(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().toString().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse(id);
    }

    public void contact(String name, String child, String team, String source, String receivedAt, String decidedAt,
            ContactOutcome outcome, boolean rationale) {
        Facts.Contact contact = new Facts.Contact(uuid(name), child(child), team(team), source,
                Instant.parse(receivedAt), decidedAt == null ? null : Instant.parse(decidedAt), outcome, rationale);
        contacts.add(contact);
        LocalDate due = contact.decisionDue(CALENDAR);
        event(EventTypes.CONTACT_RECEIVED, contact.id(), contact.childRef(), """
                {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "source": "%s", "channel": "PHONE",
                 "outOfHours": false, "team": "%s", "contactGroup": null, "decisionDueBy": "%s",
                 "child": {"birthMonth": "2016-07", "gender": "2", "ethnicity": "WBRI"}}
                """.formatted(contact.id(), contact.childRef(), receivedAt, source, contact.team(), due));
        if (decidedAt != null) {
            event(EventTypes.CONTACT_DECIDED, contact.id(), contact.childRef(), """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "receivedAt": "%s", "team": "%s",
                     "source": "%s", "outcome": "%s", "decidedBy": "duty", "rationaleRecorded": %s,
                     "decisionDueBy": "%s", "workingDaysToDecision": %d, "caseId": %s}
                    """.formatted(contact.id(), contact.childRef(), decidedAt, receivedAt, contact.team(), source,
                    outcome, rationale, due, contact.decisionWorkingDays(CALENDAR),
                    quoted(outcome == ContactOutcome.REFERRAL ? id("case-of-" + name) : null)));
        }
    }

    public void openCase(String name, String child, String team, String source, String referralDate,
            String closedDate, Boolean noFurtherStep) {
        openCase(name, child, team, source, referralDate, closedDate, noFurtherStep, "contact-of-" + name);
    }

    /** A case opened by the decision on contact {@code contact} (whose child profile Annex A list 3 shows). */
    public void openCase(String name, String child, String team, String source, String referralDate,
            String closedDate, Boolean noFurtherStep, String contact) {
        LocalDate referral = LocalDate.parse(referralDate);
        Facts.Case opened = new Facts.Case(uuid(name), child(child), team(team), source,
                referral.atTime(9, this.opened++).toInstant(ZoneOffset.UTC), referral, false,
                closedDate == null ? null : LocalDate.parse(closedDate), noFurtherStep);
        cases.put(name, opened);
        event(EventTypes.CASE_OPENED, opened.id(), opened.childRef(), """
                {"caseId": "%s", "childRef": "%s", "contactId": "%s", "occurredAt": "%s", "referralDate": "%s",
                 "team": "%s", "source": "%s", "reReferral": false, "referralsInPrevious12Months": 0}
                """.formatted(opened.id(), opened.childRef(), uuid(contact), opened.openedAt(), referral,
                opened.team(), source));
        if (closedDate != null) {
            event(EventTypes.CASE_CLOSED, opened.id(), opened.childRef(), """
                    {"caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%sT16:00:00Z",
                     "referralDate": "%s", "closedDate": "%s", "reason": "RC7", "noFurtherStepAfterReferral": %s}
                    """.formatted(opened.id(), opened.childRef(), opened.team(), closedDate, referral, closedDate,
                    noFurtherStep));
        }
    }

    public void allocate(String caseName, String worker, String at) {
        Facts.Case c = cases.get(caseName);
        allocations.add(new Facts.Allocation(c.id(), worker + suffix, c.team(), Instant.parse(at)));
        event(EventTypes.CASE_ALLOCATED, c.id(), c.childRef(), """
                {"caseId": "%s", "childRef": "%s", "workerId": "%s", "team": "%s", "occurredAt": "%s",
                 "allocatedBy": "duty", "thresholdOverridden": false, "previousWorkerId": null}
                """.formatted(c.id(), c.childRef(), worker + suffix, c.team(), at));
    }

    public void deallocate(String caseName, String worker, String at, String waitingSince) {
        Facts.Case c = cases.get(caseName);
        deallocations.add(new Facts.Deallocation(c.id(), worker + suffix, Instant.parse(at),
                waitingSince == null ? null : Instant.parse(waitingSince)));
        event(EventTypes.CASE_DEALLOCATED, c.id(), c.childRef(), """
                {"caseId": "%s", "childRef": "%s", "workerId": "%s", "team": "%s", "occurredAt": "%s",
                 "deallocatedBy": "duty", "reason": "WORKER_LEFT", "waitingSince": %s}
                """.formatted(c.id(), c.childRef(), worker + suffix, c.team(), at,
                waitingSince == null ? "null" : "\"" + waitingSince + "\""));
    }

    public void worker(String id, String team, String fte, boolean caseHolding, String threshold) {
        workers.add(new Facts.Worker(id + suffix, team(team), new BigDecimal(fte), caseHolding,
                threshold == null ? null : new BigDecimal(threshold)));
        event(EventTypes.WORKER_UPDATED, UUID.nameUUIDFromBytes(id.getBytes()), id + suffix, """
                {"workerId": "%s", "team": "%s", "occurredAt": "2024-01-02T09:00:00Z", "fte": %s,
                 "caseHolding": %s, "caseloadThreshold": %s}
                """.formatted(id + suffix, team(team), fte, caseHolding, threshold == null ? "null" : threshold));
    }

    public void assessment(String name, String caseName, AssessmentKind kind, String startedAt, String completedAt) {
        Facts.Case c = cases.get(caseName);
        Facts.Assessment a = new Facts.Assessment(uuid(name), c.id(), c.childRef(), c.team(), kind,
                c.referralDate(), Instant.parse(startedAt), completedAt == null ? null : Instant.parse(completedAt));
        assessments.put(name, a);
        var ruleSet = RuleSets.inForceOn(c.referralDate());
        String common = """
                "assessmentId": "%s", "caseId": "%s", "childRef": "%s", "team": "%s", "kind": "%s",
                "referralDate": "%s", "anchorDate": "%s", "dueBy": "%s", "ruleSet": "%s"
                """.formatted(a.id(), c.id(), c.childRef(), c.team(), kind, c.referralDate(), a.anchor(ruleSet),
                a.due(ruleSet, CALENDAR), ruleSet.name());
        event(EventTypes.ASSESSMENT_STARTED, c.id(), c.childRef(),
                "{" + common + ", \"occurredAt\": \"" + startedAt + "\"}");
        if (completedAt != null) {
            event(EventTypes.ASSESSMENT_COMPLETED, c.id(), c.childRef(), "{" + common + ", \"occurredAt\": \""
                    + completedAt + "\", \"startedAt\": \"" + startedAt + "\", \"outcome\": \"CHILD_IN_NEED_PLAN\", "
                    + "\"primaryNeed\": \"N1\", \"workingDays\": " + a.workingDays(ruleSet, CALENDAR)
                    + ", \"inTimescale\": " + a.inTimescale(ruleSet, CALENDAR) + "}");
        }
    }

    public Facts.Assessment assessment(String name) {
        return assessments.get(name);
    }

    /** A strategy discussion at {@code discussedAt} initiating enquiry {@code name}, started and maybe completed. */
    public void section47(String name, String caseName, String discussedAt, String startedAt, String completedAt,
            Section47Outcome outcome) {
        Facts.Case c = cases.get(caseName);
        LocalDate discussed = WorkingCalendar.londonDate(Instant.parse(discussedAt));
        Facts.Section47 s = new Facts.Section47(uuid(name), c.id(), c.childRef(), c.team(), discussed,
                Instant.parse(startedAt), completedAt == null ? null : Instant.parse(completedAt), outcome);
        enquiries.add(s);
        UUID discussion = uuid("SD-" + name);
        event(EventTypes.STRATEGY_DISCUSSION_HELD, c.id(), c.childRef(), """
                {"strategyDiscussionId": "%s", "caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s",
                 "section47Initiated": true}
                """.formatted(discussion, c.id(), c.childRef(), c.team(), discussedAt));
        event(EventTypes.SECTION47_STARTED, c.id(), c.childRef(), """
                {"section47Id": "%s", "caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s",
                 "strategyDiscussionId": "%s", "strategyDiscussionDate": "%s", "icpcDueBy": "%s"}
                """.formatted(s.id(), c.id(), c.childRef(), c.team(), startedAt, discussion, discussed,
                s.icpcDue(CALENDAR)));
        if (completedAt != null) {
            event(EventTypes.SECTION47_COMPLETED, c.id(), c.childRef(), """
                    {"section47Id": "%s", "caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s",
                     "startedAt": "%s", "strategyDiscussionId": "%s", "strategyDiscussionDate": "%s",
                     "outcome": "%s"}
                    """.formatted(s.id(), c.id(), c.childRef(), c.team(), completedAt, startedAt, discussion,
                    discussed, outcome));
        }
    }

    /**
     * A conference; an initial one that is not a transfer-in counts from its enquiry's strategy discussion,
     * which the event leaves out (the service must join it). A plan named {@code plan} starts at it.
     */
    public void conference(String name, String caseName, ConferenceKind kind, boolean transferIn, String enquiry,
            String heldAt, ConferenceOutcome outcome, String plan, boolean repeatReported) {
        Facts.Case c = cases.get(caseName);
        LocalDate discussed = enquiry == null ? null : enquiries.stream()
                .filter(s -> s.id().equals(uuid(enquiry))).findFirst().orElseThrow().strategyDiscussionDate();
        Facts.Conference conference = new Facts.Conference(uuid(name), c.id(), c.childRef(), c.team(),
                Instant.parse(heldAt), kind, transferIn, enquiry == null ? null : uuid(enquiry), discussed, outcome);
        conferences.add(conference);
        if (plan != null) {
            plans.add(new Facts.CpPlan(uuid(plan), c.id(), c.childRef(), c.team(), conference.heldDate(), null,
                    repeatReported));
        }
        event(EventTypes.CONFERENCE_HELD, c.id(), c.childRef(), """
                {"conferenceId": "%s", "caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s",
                 "kind": "%s", "transferIn": %s, "section47Id": %s, "strategyDiscussionDate": null,
                 "icpcDueBy": null, "workingDaysFromStrategyDiscussion": null, "inTimescale": null,
                 "outcome": "%s", "category": %s, "cpPlanId": %s, "repeatCpPlan": %s, "previousCpPlans": null}
                """.formatted(conference.id(), c.id(), c.childRef(), c.team(), heldAt, kind, transferIn,
                quoted(enquiry == null ? null : id(enquiry)), outcome, quoted(plan == null ? null : "NEG"),
                quoted(plan == null ? null : id(plan)), plan == null ? "null" : repeatReported));
    }

    /** A plan that ended; it started at a conference this fixture does not hold. */
    public void planEnded(String name, String caseName, String start, String end) {
        Facts.Case c = cases.get(caseName);
        plans.add(new Facts.CpPlan(uuid(name), c.id(), c.childRef(), c.team(), LocalDate.parse(start),
                LocalDate.parse(end), false));
        event(EventTypes.CP_PLAN_ENDED, c.id(), c.childRef(), """
                {"cpPlanId": "%s", "caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%sT12:00:00Z",
                 "startDate": "%s", "endDate": "%s", "category": "NEG", "endedByClosure": false}
                """.formatted(uuid(name), c.id(), c.childRef(), c.team(), end, start, end));
    }

    public Facts facts() {
        return new Facts(contacts, List.copyOf(cases.values()), allocations, deallocations, workers,
                List.copyOf(assessments.values()), enquiries, conferences, plans);
    }

    public IndicatorRules rules() {
        return new IndicatorRules(facts(), CALENDAR, LocalTargets.DEFAULT);
    }

    /** Every event, in the order the history happened to be written down here. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    private void event(String type, Object subject, String key, String data) {
        events.add(new Event(UUID.nameUUIDFromBytes((type + "|" + events.size() + "|" + suffix)
                .getBytes(StandardCharsets.UTF_8)).toString(), type, subject.toString(), key, data));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
