package org.frontdoor.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.events.ClosureReason;
import org.frontdoor.referral.domain.Assessment;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.CaseStatus;
import org.frontdoor.referral.domain.Conference;
import org.frontdoor.referral.domain.CpPlan;
import org.frontdoor.referral.domain.Section47Enquiry;
import org.frontdoor.referral.domain.StrategyDiscussion;

/** A case and, for a single case, its timeline of steps in the order they happened. */
public record CaseView(UUID id, String childRef, UUID contactId, String team, String source, LocalDate referralDate,
        Instant openedAt, CaseStatus status, boolean reReferral, int referralsInPrevious12Months, Instant closedAt,
        ClosureReason closureReason, List<TimelineEntry> timeline) {

    /** One step: what happened, to which item, when, and the facts that matter for its clock. */
    public record TimelineEntry(String step, UUID id, Instant at, Map<String, Object> details) {
    }

    static CaseView summary(Case subject) {
        return of(subject, null);
    }

    static CaseView withTimeline(Case subject) {
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(entry("REFERRAL", subject.id(), subject.openedAt(), "referralDate", subject.referralDate(),
                "reReferral", subject.reReferral()));
        for (Assessment a : subject.assessments()) {
            timeline.add(entry("ASSESSMENT_STARTED", a.id(), a.startedAt(), "kind", a.kind(), "dueBy", a.dueBy(),
                    "ruleSet", a.ruleSet()));
            if (a.completedAt() != null) {
                timeline.add(entry("ASSESSMENT_COMPLETED", a.id(), a.completedAt(), "outcome", a.outcome(),
                        "primaryNeed", a.primaryNeed(), "workingDays", a.workingDays(), "inTimescale", a.inTimescale()));
            }
        }
        for (StrategyDiscussion d : subject.strategyDiscussions()) {
            timeline.add(entry("STRATEGY_DISCUSSION", d.id(), d.heldAt(), "section47Initiated", d.section47Initiated()));
        }
        for (Section47Enquiry s : subject.section47Enquiries()) {
            timeline.add(entry("SECTION47_STARTED", s.id(), s.startedAt(), "strategyDiscussionId",
                    s.strategyDiscussionId(), "icpcDueBy", s.icpcDueBy()));
            if (s.completedAt() != null) {
                timeline.add(entry("SECTION47_COMPLETED", s.id(), s.completedAt(), "outcome", s.outcome()));
            }
        }
        for (Conference c : subject.conferences()) {
            timeline.add(entry("CONFERENCE", c.id(), c.heldAt(), "kind", c.kind(), "transferIn", c.transferIn(),
                    "outcome", c.outcome(), "category", c.category(), "workingDays", c.workingDays(), "inTimescale",
                    c.inTimescale()));
        }
        for (CpPlan p : subject.cpPlans()) {
            timeline.add(entry("CP_PLAN_STARTED", p.id(), p.startedAt(), "category", p.category(), "startDate",
                    p.startDate()));
            if (p.endedAt() != null) {
                timeline.add(entry("CP_PLAN_ENDED", p.id(), p.endedAt(), "endDate", p.endDate(), "endedByClosure",
                        p.endedByClosure()));
            }
        }
        if (subject.closedAt() != null) {
            timeline.add(entry("CLOSED", subject.id(), subject.closedAt(), "reason", subject.closureReason()));
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return of(subject, timeline);
    }

    private static CaseView of(Case subject, List<TimelineEntry> timeline) {
        return new CaseView(subject.id(), subject.childRef(), subject.contactId(), subject.team(), subject.source(),
                subject.referralDate(), subject.openedAt(), subject.status(), subject.reReferral(),
                subject.referralsInPrevious12Months(), subject.closedAt(), subject.closureReason(), timeline);
    }

    private static TimelineEntry entry(String step, UUID id, Instant at, Object... keyValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                details.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new TimelineEntry(step, id, at, details);
    }
}
