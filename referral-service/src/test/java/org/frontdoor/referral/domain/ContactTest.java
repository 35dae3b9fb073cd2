package org.frontdoor.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.kit.problem.ConflictProblem;
import org.junit.jupiter.api.Test;

class ContactTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-04T09:15:00Z");

    private static Contact contact() {
        return Contact.receive(new ContactDetails("C-1", RECEIVED, "6", Channel.PHONE, false, "north", null,
                List.of("21A"), "2015-06", "1", "WBRI"), LocalDate.of(2024, 3, 5));
    }

    @Test
    void aNewContactAwaitsItsDecision() {
        Contact contact = contact();
        assertEquals(ContactStatus.AWAITING_DECISION, contact.status());
        assertEquals(List.of("21A"), contact.concerns());
    }

    @Test
    void aDecisionIsRecordedOnce() {
        Contact contact = contact();
        contact.decide(ContactOutcome.EARLY_HELP, RECEIVED.plusSeconds(3600), "duty", "Family agreed to support");
        assertEquals(ContactStatus.DECIDED, contact.status());
        assertTrue(contact.rationaleRecorded());
        ConflictProblem twice = assertThrows(ConflictProblem.class,
                () -> contact.decide(ContactOutcome.REFERRAL, RECEIVED.plusSeconds(7200), "duty", "Changed mind"));
        assertTrue(twice.getMessage().contains("already been decided"));
        assertEquals(ContactOutcome.EARLY_HELP, contact.outcome());
    }

    @Test
    void aDecisionCannotPredateTheContact() {
        Contact contact = contact();
        assertThrows(ConflictProblem.class,
                () -> contact.decide(ContactOutcome.REFERRAL, RECEIVED.minusSeconds(1), "duty", "Too early"));
        assertEquals(ContactStatus.AWAITING_DECISION, contact.status());
    }

    @Test
    void aBlankRationaleIsNotRecorded() {
        Contact contact = contact();
        contact.decide(ContactOutcome.NO_FURTHER_ACTION, RECEIVED, "duty", "   ");
        assertFalse(contact.rationaleRecorded());
    }
}
