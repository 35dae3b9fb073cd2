package org.frontdoor.allocation.messaging;

import static org.frontdoor.kit.consumer.EventData.date;
import static org.frontdoor.kit.consumer.EventData.instant;
import static org.frontdoor.kit.consumer.EventData.text;
import static org.frontdoor.kit.consumer.EventData.uuid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.CaseStatus;
import org.frontdoor.allocation.repository.AwaitingContactRepository;
import org.frontdoor.allocation.repository.AwaitingContactRepository.ContactRow;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.repository.CaseRepository.CaseRow;
import org.frontdoor.allocation.repository.HeldEventRepository;
import org.frontdoor.allocation.repository.WorkerRepository;
import org.frontdoor.allocation.service.AlertTrigger;
import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.kit.consumer.EventConsumers;
import org.frontdoor.kit.consumer.EventHandler;
import org.frontdoor.kit.consumer.IncomingEvent;

/**
 * Keeps allocation's view of cases in step with referral-service: a referral puts a new case in the queue,
 * a closure takes it out of the queue and out of its worker's caseload. Contacts are kept, received and decided,
 * only so that an overdue decision can be alerted on.
 *
 * <p>A poll's events are applied together, set-based: one upsert for the received contacts and one for the decided,
 * one query that locks the batch's known cases and one that finds what is held for them, then one insert of the new
 * cases, one update of the closed ones and one insert of the closures held for unknown cases. The events are still
 * applied in their order: a case whose story needs the domain (something held for it on arrival, or an allocation
 * ended by its closure) goes through {@link AllocationService} as one event alone would, after the set-based writes
 * gathered before it. After commit the board is pushed and the alerts re-evaluated for the teams touched.
 *
 * <p>Two loops run this (service-kit's {@code frontdoor.consumer.threads}), each on its own partitions. The topic is
 * keyed by child, so a case's events all meet on one loop, and the loops' writes touch different cases and contacts.
 * Only a worker's row may be wanted by both, when each applies an allocation held for it: a batch locks every worker
 * its held allocations name before it applies any, in worker id order, so one loop waits for the other, never both.
 */
@ApplicationScoped
public class ReferralEventsConsumer implements EventHandler {

    static final String CONSUMER = "allocation-service";

    private final EventConsumers consumers;
    private final CaseRepository cases;
    private final AwaitingContactRepository contacts;
    private final HeldEventRepository held;
    private final WorkerRepository workers;
    private final AllocationService allocation;
    private final AlertTrigger alerts;
    private final Clock clock;

    public ReferralEventsConsumer(EventConsumers consumers, CaseRepository cases, AwaitingContactRepository contacts,
            HeldEventRepository held, WorkerRepository workers, AllocationService allocation, AlertTrigger alerts,
            Clock clock) {
        this.clock = clock;
        this.consumers = consumers;
        this.cases = cases;
        this.contacts = contacts;
        this.held = held;
        this.workers = workers;
        this.allocation = allocation;
        this.alerts = alerts;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.REFERRAL_EVENTS), this);
    }

    @Override
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    private sealed interface CaseEvent permits Opened, Closed {
        UUID caseId();
    }

    private record Opened(UUID caseId, String childRef, String team, java.time.LocalDate referralDate,
            Instant openedAt) implements CaseEvent {
    }

    private record Closed(UUID caseId, Instant closedAt) implements CaseEvent {
    }

    @Override
    public void handleAll(List<IncomingEvent> events) {
        List<ContactRow> received = new ArrayList<>();
        List<ContactRow> decided = new ArrayList<>();
        List<CaseEvent> caseEvents = new ArrayList<>();
        Set<String> teams = new HashSet<>();
        // Read every event first: one that is not valid fails the batch before anything is written.
        for (IncomingEvent event : events) {
            JsonNode data = event.data();
            if (EventTypes.CASE_OPENED.equals(event.type())) {
                caseEvents.add(new Opened(uuid(data, "caseId"), text(data, "childRef"), text(data, "team"),
                        date(data, "referralDate"), instant(data, "occurredAt")));
            } else if (EventTypes.CASE_CLOSED.equals(event.type())) {
                caseEvents.add(new Closed(uuid(data, "caseId"), instant(data, "occurredAt")));
            } else if (EventTypes.CONTACT_RECEIVED.equals(event.type())) {
                received.add(new ContactRow(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"),
                        instant(data, "occurredAt"), date(data, "decisionDueBy"), null));
            } else if (EventTypes.CONTACT_DECIDED.equals(event.type())) {
                // The decided event carries everything the received one does, so it stands alone when it arrives first.
                decided.add(new ContactRow(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"),
                        instant(data, "receivedAt"), date(data, "decisionDueBy"), instant(data, "occurredAt")));
            }
        }
        // The two upserts converge in any order (received never touches decided_at, decided sets only it).
        contacts.receivedAll(received);
        contacts.decidedAll(decided);
        received.forEach(c -> teams.add(c.team()));
        decided.forEach(c -> teams.add(c.team()));
        if (!caseEvents.isEmpty()) {
            new CaseBatch().apply(caseEvents, teams);
        }
        if (!teams.isEmpty()) {
            alerts.changed(teams);
        }
    }

    /** One batch's case events, in order, with the writes of the plain ones gathered. */
    private final class CaseBatch {

        private final Map<UUID, Case> toInsert = new LinkedHashMap<>();
        private final Set<UUID> toClose = new LinkedHashSet<>();
        private final Map<UUID, Instant> closuresToHold = new LinkedHashMap<>();
        /** Cases handled through the domain in this batch: what follows for them goes that way too. */
        private final Set<UUID> viaDomain = new HashSet<>();

        void apply(List<CaseEvent> events, Set<String> teams) {
            Set<UUID> ids = new LinkedHashSet<>();
            events.forEach(e -> ids.add(e.caseId()));
            Map<UUID, CaseRow> stored = cases.lockAll(ids);
            HeldEventRepository.Holds holds = held.heldFor(ids);
            // The workers of held allocations, locked now and in order, as the other loop does (no deadlock).
            workers.lockAll(holds.workers());
            for (CaseEvent event : events) {
                UUID caseId = event.caseId();
                if (event instanceof Opened opened) {
                    if (stored.containsKey(caseId) || toInsert.containsKey(caseId) || viaDomain.contains(caseId)) {
                        continue; // delivered again
                    }
                    teams.add(opened.team());
                    Case arrived = Case.opened(caseId, opened.childRef(), opened.team(), opened.referralDate(),
                            opened.openedAt());
                    if (!holds.closures().contains(caseId) && !holds.allocations().contains(caseId)) {
                        toInsert.put(caseId, arrived);
                        continue;
                    }
                    write();
                    cases.persist(arrived);
                    allocation.caseArrived(arrived);
                    viaDomain.add(caseId);
                    holds.closures().remove(caseId);
                    holds.allocations().remove(caseId);
                } else if (event instanceof Closed closed) {
                    close(caseId, closed.closedAt(), stored, holds, teams);
                }
            }
            write();
        }

        private void close(UUID caseId, Instant closedAt, Map<UUID, CaseRow> stored, HeldEventRepository.Holds holds,
                Set<String> teams) {
            if (viaDomain.contains(caseId)) {
                write();
                allocation.caseClosed(caseId, closedAt);
                return;
            }
            Case pending = toInsert.get(caseId);
            if (pending != null) {
                pending.close(); // opened earlier in this batch, unallocated: it is inserted closed
                return;
            }
            CaseRow row = stored.get(caseId);
            if (row == null) {
                // Closed before its opening reached us (events in any order): applied when the case arrives.
                closuresToHold.putIfAbsent(caseId, closedAt);
                holds.closures().add(caseId);
                return;
            }
            if (row.status() != CaseStatus.OPEN) {
                return;
            }
            teams.add(row.team());
            if (row.workerId() == null) {
                toClose.add(caseId);
                stored.put(caseId, row.closed());
                return;
            }
            // Its allocation ends with a CASE_CLOSED deallocation event: the domain does that.
            write();
            allocation.caseClosed(caseId, closedAt);
            viaDomain.add(caseId);
        }

        /** Writes what was gathered, before the domain looks at the database or the batch ends. */
        private void write() {
            cases.insertAll(toInsert.values());
            toInsert.clear();
            cases.closeAllUnallocated(toClose);
            toClose.clear();
            held.holdClosures(closuresToHold, clock.instant());
            closuresToHold.clear();
        }
    }
}
