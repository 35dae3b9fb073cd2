package org.frontdoor.metrics.messaging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.Referral;
import org.frontdoor.metrics.repository.AllocationFactRepository;
import org.frontdoor.metrics.repository.CaseFactRepository;
import org.frontdoor.metrics.repository.ContactFactRepository;
import org.frontdoor.metrics.repository.StepFactRepository;

/**
 * A polled batch's fact writes, grouped so that each kind of write is one statement for the whole batch
 * instead of one per event. Contacts and cases are written once each: a receipt and its decision, or a case
 * opened and closed, in the same batch become one row inserted with both events' columns, not an insert and
 * then an update of every index (each event owns its columns, so the last of each kind is what they give one
 * by one; a replay's batches are mostly such pairs). Any other row the batch writes more than once (a start
 * and its completion, two updates of a worker) is written in successive rounds in the events' order, and the
 * rows of one round are all different, so the batch ends in exactly the facts its events give one by one,
 * however the consumer splits it. What is worked out across rows (re-referrals, first allocations,
 * conferences joining their enquiry, earlier plans) is worked out once, after the last round.
 */
final class FactWrites {

    /** The kinds of write, in the order a round applies them, and the fact table each writes. */
    private enum Kind {
        ALLOCATION("allocation"), DEALLOCATION("deallocation"), WORKER("worker"), ASSESSMENT("assessment"),
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
    private final Map<UUID, ContactFactRepository.Receipt> receipts = new LinkedHashMap<>();
    private final Map<UUID, ContactFactRepository.Decision> decisions = new LinkedHashMap<>();
    private final Map<UUID, Referral> referrals = new LinkedHashMap<>();
    private final Map<UUID, CaseFactRepository.Closure> closures = new LinkedHashMap<>();
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
        receipts.put(receipt.receipt().contactId(), receipt);
    }

    void decision(ContactFactRepository.Decision decision) {
        decisions.put(decision.decision().contactId(), decision);
    }

    void referral(Referral referral) {
        referrals.put(referral.caseId(), referral);
        referredChildren.add(referral.childRef());
        casesToAllocate.add(referral.caseId());
    }

    void closure(CaseFactRepository.Closure closure) {
        closures.put(closure.caseId(), closure);
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
        writeContactsAndCases();
        for (Map<Kind, Pending<?>> round : rounds) {
            round.values().forEach(Pending::write);
        }
        cases.refreshReReferrals(referredChildren);
        cases.refreshFirstAllocations(casesToAllocate);
        steps.anchorConferences(enquiries);
        steps.refreshEarlierPlans(childrenWithPlans);
    }

    /**
     * Each contact and each case once: the batch's last receipt and last decision of a contact (each owns its
     * columns, so the last of each is what applying them one by one leaves), as one row when both came; the same
     * for a case's opening and closure.
     */
    private void writeContactsAndCases() {
        writeOnce(receipts, decisions, ContactFactRepository.ReceiptAndDecision::new, contacts::recordReceipts,
                contacts::recordDecisions, contacts::recordReceiptsWithDecisions);
        writeOnce(referrals, closures, CaseFactRepository.ReferralAndClosure::new, cases::recordReferrals,
                cases::recordClosures, cases::recordReferralsWithClosures);
    }

    /** Rows with only a first, only a second, or both (paired), each kind with its own statement. */
    private static <A, B, P> void writeOnce(Map<UUID, A> firsts, Map<UUID, B> seconds, BiFunction<A, B, P> pair,
            Consumer<List<A>> firstsOnly, Consumer<List<B>> secondsOnly, Consumer<List<P>> both) {
        Map<UUID, B> alone = new LinkedHashMap<>(seconds);
        List<A> onlyFirsts = new ArrayList<>();
        List<P> pairs = new ArrayList<>();
        for (Map.Entry<UUID, A> first : firsts.entrySet()) {
            B second = alone.remove(first.getKey());
            if (second == null) {
                onlyFirsts.add(first.getValue());
            } else {
                pairs.add(pair.apply(first.getValue(), second));
            }
        }
        firstsOnly.accept(onlyFirsts);
        secondsOnly.accept(new ArrayList<>(alone.values()));
        both.accept(pairs);
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
