package org.frontdoor.metrics.domain;

import java.time.LocalDate;

import org.frontdoor.clocks.ClockAnchor;
import org.frontdoor.clocks.ClockRule;
import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;

/**
 * Which clock an assessment runs against under a rule set (DOMAIN.md §4-5): under WT2023 every assessment
 * is due 45 WD after the referral date; under WT2010 a core assessment is due 35 WD after its own start and
 * any other (initial, or a single assessment measured the old way) 10 WD after the referral date.
 */
public final class AssessmentClock {

    private AssessmentClock() {
    }

    public static ClockRule rule(RuleSet ruleSet, AssessmentKind kind) {
        if (ruleSet.find(RuleSets.ASSESSMENT.name()).isPresent()) {
            return ruleSet.rule(RuleSets.ASSESSMENT.name());
        }
        return kind == AssessmentKind.CORE ? ruleSet.rule(RuleSets.CORE_ASSESSMENT.name())
                : ruleSet.rule(RuleSets.INITIAL_ASSESSMENT.name());
    }

    /** The date the clock counts from: the assessment's start for a core assessment's clock, else the referral. */
    public static LocalDate anchor(RuleSet ruleSet, AssessmentKind kind, LocalDate referralDate,
            LocalDate startedDate) {
        return rule(ruleSet, kind).anchor() == ClockAnchor.CORE_ASSESSMENT_START ? startedDate : referralDate;
    }

    public static LocalDate due(RuleSet ruleSet, AssessmentKind kind, LocalDate referralDate, LocalDate startedDate,
            WorkingCalendar calendar) {
        return rule(ruleSet, kind).dueDate(anchor(ruleSet, kind, referralDate, startedDate), calendar);
    }

    public static int limit(RuleSet ruleSet, AssessmentKind kind) {
        return rule(ruleSet, kind).limit();
    }
}
