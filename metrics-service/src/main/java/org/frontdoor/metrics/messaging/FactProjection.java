package org.frontdoor.metrics.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.consumer.EventHandler;
import org.frontdoor.kit.consumer.IncomingEvent;
import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.frontdoor.metrics.domain.Referral;
import org.frontdoor.metrics.repository.AllocationFactRepository;
import org.frontdoor.metrics.repository.CaseFactRepository;
import org.frontdoor.metrics.repository.ContactFactRepository;

/**
 * Turns each new event from either topic into its fact row, inside the consumer's transaction, and counts
 * the flow. Types it does not count yet are skipped, so a producer may add events without breaking it.
 */
@ApplicationScoped
public class FactProjection implements EventHandler {

    private final ContactFactRepository contacts;
    private final CaseFactRepository cases;
    private final AllocationFactRepository allocations;
    private final WorkingCalendar calendar;
    private final FlowMeters meters;

    public FactProjection(ContactFactRepository contacts, CaseFactRepository cases,
            AllocationFactRepository allocations, WorkingCalendar calendar, FlowMeters meters) {
        this.contacts = contacts;
        this.cases = cases;
        this.allocations = allocations;
        this.calendar = calendar;
        this.meters = meters;
    }

    @Override
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case EventTypes.CONTACT_RECEIVED -> {
                ContactReceipt receipt = EventReader.contactReceipt(event.data());
                contacts.recordReceipt(receipt);
                meters.contactReceived(receipt.team(), receipt.channel());
            }
            case EventTypes.CONTACT_DECIDED -> {
                ContactDecision decision = EventReader.contactDecision(event.data());
                contacts.recordDecision(decision, decision.workingDays(calendar));
                meters.contactDecided(decision.team(), decision.outcome());
            }
            case EventTypes.CASE_OPENED -> {
                Referral referral = EventReader.referral(event.data());
                cases.recordReferral(referral);
                meters.caseOpened(referral.team());
            }
            case EventTypes.CASE_ALLOCATED -> {
                Allocation allocation = EventReader.allocation(event.data());
                allocations.recordAllocation(allocation);
            }
            default -> {
                // Not an input to any indicator yet.
            }
        }
    }
}
