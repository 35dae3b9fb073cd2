package org.frontdoor.metrics.messaging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.Referral;
import org.frontdoor.metrics.repository.AllocationFactRepository;
import org.frontdoor.metrics.repository.CaseFactRepository;
import org.frontdoor.metrics.repository.ContactFactRepository;
import org.frontdoor.metrics.repository.StepFactRepository;

/**
 * A polled batch's fact writes, grouped so that each kind of write is one statement for the whole batch
 * instead of one per event. A row the batch writes more than once (a receipt and its decision, a start and
 * its completion, two updates of a worker) is written in successive rounds in the events' order, and the
 * rows of one round are all different, so the batch ends in exactly the facts its events give one by one,
 * however the consumer splits it. What is worked out across rows (re-referrals, first allocations,
 * conferences joining their enquiry, earlier plans) is worked out once, after the last round.
 */
final class FactWrites {

    /** The kinds of write, in the order a round applies them, and the fact table each writes. */
    private enum Kind {
        RECEIPT("contact"), DECISION("contact"), REFERRAL("case"), CLOSURE("case"), ALLOCATION("allocation"),
        DEALLOCATION("deallocation"), WORKER("worker"), ASSESSMENT("assessment"),
        STRATEGY_DISCUSSION("strategy-discussion"), SECTION47("section47"), CONFERENCE("conference"),
        PLAN_START("plan"), PLAN_END("plan");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private record Row(String table, Object id) {
    }

    /** One kind of write in one round: its rows, and the statement that writes them all. */
    private record Pending<T>(Consumer<List<T>> statement, List<T> rows) {

        void write() {
            statement.accept(rows);
        }
    }

    private final ContactFactRepository contacts;
    private final CaseFactRepository cases;
    private final AllocationFactRepository allocations;
    private final StepFactRepository steps;
    private final Map<Row, Integer> lastRound = new HashMap<>();
    private final List<Map<Kind, Pending<?>>> rounds = new ArrayList<>();
    private final Set<String> referredChildren = new LinkedHashSet<>();
    private final Set<UUID> casesToAllocate = new LinkedHashSet<>();
    private final Set<UUID> enquiries = new LinkedHashSet<>();
    private final Set<String> childrenWithPlans = new LinkedHashSet<>();

    FactWrites(ContactFactRepository contacts, CaseFactRepository cases, AllocationFactRepository allocations,
            StepFactRepository steps) {
        this.contacts = contacts;
        this.cases = cases;
        this.allocations = allocations;
        this.steps = steps;
    }

    void receipt(ContactFactRepository.Receipt receipt) {
        add(Kind.RECEIPT, receipt.receipt().contactId(), receipt, contacts::recordReceipts);
    }

    void decision(ContactFactRepository.Decision decision) {
        add(Kind.DECISION, decision.decision().contactId(), decision, contacts::recordDecisions);
    }

    void referral(Referral referral) {
        add(Kind.REFERRAL, referral.caseId(), referral, cases::recordReferrals);
        referredChildren.add(referral.childRef());
        casesToAllocate.add(referral.caseId());
    }

    void closure(CaseFactRepository.Closure closure) {
        add(Kind.CLOSURE, closure.caseId(), closure, cases::recordClosures);
        casesToAllocate.add(closure.caseId());
    }

    void allocation(Allocation allocation) {
        add(Kind.ALLOCATION, List.of(allocation.caseId(), allocation.allocatedAt()), allocation,
                allocations::recordAllocations);
        casesToAllocate.add(allocation.caseId());
    }

    void deallocation(AllocationFactRepository.Deallocated deallocated) {
        add(Kind.DEALLOCATION, List.of(deallocated.deallocation().caseId(),
                deallocated.deallocation().deallocatedAt()), deallocated, allocations::recordDeallocations);
    }

    void worker(AllocationFactRepository.WorkerState worker) {
        add(Kind.WORKER, worker.worker().workerId(), worker, allocations::recordWorkers);
    }

    void assessment(StepFactRepository.AssessmentStep step) {
        add(Kind.ASSESSMENT, step.assessment().id(), step, steps::recordAssessments);
    }

    void strategyDiscussion(StepFactRepository.StrategyDiscussion discussion) {
        add(Kind.STRATEGY_DISCUSSION, discussion.id(), discussion, steps::recordStrategyDiscussions);
    }

    void section47(StepFactRepository.EnquiryStep step) {
        add(Kind.SECTION47, step.enquiry().id(), step, steps::recordSection47s);
        enquiries.add(step.enquiry().id());
    }

    void conference(StepFactRepository.ConferenceHeld held) {
        add(Kind.CONFERENCE, held.conference().id(), held, steps::recordConferences);
        if (held.conference().section47Id() != null) {
            enquiries.add(held.conference().section47Id());
        }
    }

    void planStart(StepFactRepository.PlanChange start) {
        add(Kind.PLAN_START, start.plan().id(), start, steps::recordPlanStarts);
        childrenWithPlans.add(start.plan().childRef());
    }

    void planEnd(StepFactRepository.PlanChange end) {
        add(Kind.PLAN_END, end.plan().id(), end, steps::recordPlanEnds);
        childrenWithPlans.add(end.plan().childRef());
    }

    /** Writes every round, then what is worked out across rows. */
    void apply() {
        for (Map<Kind, Pending<?>> round : rounds) {
            round.values().forEach(Pending::write);
        }
        cases.refreshReReferrals(referredChildren);
        cases.refreshFirstAllocations(casesToAllocate);
        steps.anchorConferences(enquiries);
        steps.refreshEarlierPlans(childrenWithPlans);
    }

    private <T> void add(Kind kind, Object id, T row, Consumer<List<T>> statement) {
        int round = lastRound.merge(new Row(kind.table, id), 0, (last, first) -> last + 1);
        while (rounds.size() <= round) {
            rounds.add(new EnumMap<>(Kind.class));
        }
        @SuppressWarnings("unchecked")
        Pending<T> pending = (Pending<T>) rounds.get(round).computeIfAbsent(kind,
                k -> new Pending<>(statement, new ArrayList<>()));
        pending.rows().add(row);
    }
}
