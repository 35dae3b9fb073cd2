package org.frontdoor.metrics.messaging;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.consumer.EventHandler;
import org.frontdoor.kit.consumer.IncomingEvent;
import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.Referral;
import org.frontdoor.metrics.repository.AllocationFactRepository;
import org.frontdoor.metrics.repository.CaseFactRepository;
import org.frontdoor.metrics.repository.ContactFactRepository;
import org.frontdoor.metrics.repository.StepFactRepository;

/**
 * Turns each new event from either topic into its fact rows, inside the consumer's transaction (one per
 * polled batch, written set-based by {@link FactWrites}), and counts the flow. Types no indicator needs
 * (alerts) are skipped, so a producer may add events without breaking it.
 */
@ApplicationScoped
public class FactProjection implements EventHandler {

    private final ContactFactRepository contacts;
    private final CaseFactRepository cases;
    private final AllocationFactRepository allocations;
    private final StepFactRepository steps;
    private final WorkingCalendar calendar;
    private final FlowMeters meters;

    public FactProjection(ContactFactRepository contacts, CaseFactRepository cases,
            AllocationFactRepository allocations, StepFactRepository steps, WorkingCalendar calendar,
            FlowMeters meters) {
        this.contacts = contacts;
        this.cases = cases;
        this.allocations = allocations;
        this.steps = steps;
        this.calendar = calendar;
        this.meters = meters;
    }

    /** One event is a batch of one: the same writes, so any split of a batch gives the same facts. */
    @Override
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /**
     * Reads every event of the batch into its writes (an event that breaks the contract fails the batch, and
     * the consumer then applies the events one at a time to dead-letter it), then writes them set-based.
     */
    @Override
    public void handleAll(List<IncomingEvent> events) {
        FactWrites writes = new FactWrites(contacts, cases, allocations, steps);
        for (IncomingEvent event : events) {
            read(event, writes);
        }
        writes.apply();
    }

    private void read(IncomingEvent event, FactWrites writes) {
        JsonNode data = event.data();
        switch (event.type()) {
            case EventTypes.CONTACT_RECEIVED -> {
                ContactReceipt receipt = EventReader.contactReceipt(data);
                writes.receipt(new ContactFactRepository.Receipt(receipt, EventReader.child(data)));
                meters.contactReceived(receipt.team(), receipt.channel());
            }
            case EventTypes.CONTACT_DECIDED -> {
                ContactDecision decision = EventReader.contactDecision(data);
                writes.decision(new ContactFactRepository.Decision(decision, decision.workingDays(calendar)));
                meters.contactDecided(decision.team(), decision.outcome());
            }
            case EventTypes.CASE_OPENED -> {
                Referral referral = EventReader.referral(data);
                writes.referral(referral);
                meters.caseOpened(referral.team());
            }
            case EventTypes.CASE_ALLOCATED -> {
                Allocation allocation = EventReader.allocation(data);
                writes.allocation(allocation);
                meters.count("frontdoor.cases.allocated", "Cases allocated to a worker", allocation.team(), null);
            }
            case EventTypes.CASE_DEALLOCATED -> {
                Facts.Deallocation deallocation = EventReader.deallocation(data);
                String team = EventData.team(data);
                writes.deallocation(new AllocationFactRepository.Deallocated(deallocation, team,
                        EventReader.deallocationReason(data)));
                meters.count("frontdoor.cases.deallocated", "Cases taken from their worker", team, null);
            }
            case EventTypes.WORKER_UPDATED -> {
                EventReader.WorkerUpdate update = EventReader.worker(data);
                writes.worker(new AllocationFactRepository.WorkerState(update.worker(), update.updatedAt()));
            }
            case EventTypes.ASSESSMENT_STARTED -> writes.assessment(
                    new StepFactRepository.AssessmentStep(EventReader.assessment(data, false), null, null));
            case EventTypes.ASSESSMENT_COMPLETED -> {
                Facts.Assessment assessment = EventReader.assessment(data, true);
                String[] outcome = EventReader.assessmentOutcome(data);
                writes.assessment(new StepFactRepository.AssessmentStep(assessment, outcome[0], outcome[1]));
                meters.count("frontdoor.assessments.completed", "Assessments completed", assessment.team(),
                        outcome[0]);
            }
            case EventTypes.STRATEGY_DISCUSSION_HELD -> {
                EventReader.StrategyDiscussion discussion = EventReader.strategyDiscussion(data);
                writes.strategyDiscussion(new StepFactRepository.StrategyDiscussion(discussion.id(),
                        discussion.caseId(), discussion.childRef(), discussion.team(), discussion.heldAt(),
                        discussion.section47Initiated()));
                meters.count("frontdoor.strategy.discussions.held", "Strategy discussions held", discussion.team(),
                        null);
            }
            case EventTypes.SECTION47_STARTED -> writes.section47(new StepFactRepository.EnquiryStep(
                    EventReader.section47(data, false), EventReader.strategyDiscussionId(data)));
            case EventTypes.SECTION47_COMPLETED -> {
                Facts.Section47 enquiry = EventReader.section47(data, true);
                writes.section47(new StepFactRepository.EnquiryStep(enquiry, EventReader.strategyDiscussionId(data)));
                meters.count("frontdoor.section47.completed", "Section 47 enquiries completed", enquiry.team(),
                        enquiry.outcome().name());
            }
            case EventTypes.CONFERENCE_HELD -> {
                Facts.Conference conference = EventReader.conference(data);
                String category = EventReader.category(data);
                Facts.CpPlan plan = EventReader.planStarted(data, conference);
                writes.conference(new StepFactRepository.ConferenceHeld(conference, category,
                        plan == null ? null : plan.id()));
                if (plan != null) {
                    writes.planStart(new StepFactRepository.PlanChange(plan, category, false));
                    meters.count("frontdoor.cp.plans.started", "Child protection plans started", plan.team(), null);
                }
                meters.count("frontdoor.conferences.held", "Child protection conferences held", conference.team(),
                        conference.outcome().name());
            }
            case EventTypes.CP_PLAN_ENDED -> {
                Facts.CpPlan plan = EventReader.planEnded(data);
                writes.planEnd(new StepFactRepository.PlanChange(plan, EventReader.category(data),
                        EventData.flag(data, "endedByClosure")));
                meters.count("frontdoor.cp.plans.ended", "Child protection plans ended", plan.team(), null);
            }
            case EventTypes.CASE_CLOSED -> {
                EventReader.CaseClosure closure = EventReader.closure(data);
                writes.closure(new CaseFactRepository.Closure(closure.caseId(), closure.childRef(), closure.team(),
                        closure.closedAt(), closure.referralDate(), closure.closedDate(), closure.reason(),
                        closure.noFurtherStep()));
                meters.count("frontdoor.cases.closed", "Cases closed", closure.team(), null);
            }
            default -> {
                // Alerts are the allocation service's business: no indicator counts them.
            }
        }
    }

    /** Short readers of fields the projection uses directly. */
    private static final class EventData {

        private EventData() {
        }

        static String team(JsonNode data) {
            return org.frontdoor.kit.consumer.EventData.text(data, "team");
        }

        static boolean flag(JsonNode data, String field) {
            return org.frontdoor.kit.consumer.EventData.bool(data, field);
        }
    }
}
