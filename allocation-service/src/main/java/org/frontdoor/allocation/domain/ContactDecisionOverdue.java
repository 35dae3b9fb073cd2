package org.frontdoor.allocation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AlertKind;

/**
 * A contact not decided by its {@code decisionDueBy} (DOMAIN.md §4): overdue from the first London day after the
 * due date, weekends included, because the due date itself is the limit. The value is the working days overdue,
 * so it stays 0 over a weekend that follows a Friday due date and reads 1 on the Monday; the threshold is 0.
 */
public final class ContactDecisionOverdue implements AlertRule {

    private final WorkingCalendar calendar;

    public ContactDecisionOverdue(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.CONTACT_DECISION_OVERDUE;
    }

    @Override
    public List<AlertCondition> conditions(AlertSnapshot snapshot) {
        List<AlertCondition> found = new ArrayList<>();
        for (AlertSnapshot.UndecidedContact contact : snapshot.undecided()) {
            if (!snapshot.today().isAfter(contact.decisionDueBy())) {
                continue;
            }
            int days = Math.max(0, calendar.workingDaysBetween(contact.decisionDueBy(), snapshot.today()));
            found.add(new AlertCondition(kind(), contact.contactId().toString(), contact.team(), contact.childRef(),
                    days, 0, String.format(Locale.ROOT, "Not decided by its due date %s, %s overdue.",
                            contact.decisionDueBy(), AlertCondition.quantity(days, "working day"))));
        }
        return found;
    }
}
