package org.frontdoor.allocation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.frontdoor.events.AlertKind;

/**
 * A case waiting unallocated for more than the local limit of working days (DOMAIN.md §4, default 5): waits are
 * counted in working days, so a case crosses its limit at the start of a working day, never at a weekend.
 */
public final class CaseUnallocatedTooLong implements AlertRule {

    private final WaitingPolicy waiting;
    private final int limitWorkingDays;

    public CaseUnallocatedTooLong(WaitingPolicy waiting, int limitWorkingDays) {
        if (limitWorkingDays < 0) {
            throw new IllegalArgumentException("the limit must not be negative");
        }
        this.waiting = waiting;
        this.limitWorkingDays = limitWorkingDays;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.CASE_UNALLOCATED_TOO_LONG;
    }

    @Override
    public List<AlertCondition> conditions(AlertSnapshot snapshot) {
        List<AlertCondition> found = new ArrayList<>();
        for (AlertSnapshot.WaitingCase waitingCase : snapshot.waiting()) {
            int days = waiting.workingDaysWaiting(waitingCase.waitingSince(), snapshot.today());
            if (days > limitWorkingDays) {
                found.add(new AlertCondition(kind(), waitingCase.caseId().toString(), waitingCase.team(),
                        waitingCase.childRef(), days, limitWorkingDays, String.format(Locale.ROOT,
                                "Unallocated for %s since %s, more than the limit of %d.",
                                AlertCondition.quantity(days, "working day"), waitingCase.waitingSince(),
                                limitWorkingDays)));
            }
        }
        return found;
    }
}
