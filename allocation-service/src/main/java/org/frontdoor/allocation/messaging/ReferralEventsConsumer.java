package org.frontdoor.allocation.messaging;

import static org.frontdoor.kit.consumer.EventData.date;
import static org.frontdoor.kit.consumer.EventData.instant;
import static org.frontdoor.kit.consumer.EventData.text;
import static org.frontdoor.kit.consumer.EventData.uuid;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.repository.AwaitingContactRepository;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.service.AlertTrigger;
import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.kit.consumer.EventConsumers;
import org.frontdoor.kit.consumer.IncomingEvent;

/**
 * Keeps allocation's view of cases in step with referral-service: a referral puts a new case in the queue,
 * a closure takes it out of the queue and out of its worker's caseload. Contacts are kept, received and decided,
 * only so that an overdue decision can be alerted on.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String CONSUMER = "allocation-service";

    private final EventConsumers consumers;
    private final CaseRepository cases;
    private final AwaitingContactRepository contacts;
    private final AllocationService allocation;
    private final AlertTrigger alerts;

    public ReferralEventsConsumer(EventConsumers consumers, CaseRepository cases, AwaitingContactRepository contacts,
            AllocationService allocation, AlertTrigger alerts) {
        this.consumers = consumers;
        this.cases = cases;
        this.contacts = contacts;
        this.allocation = allocation;
        this.alerts = alerts;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.REFERRAL_EVENTS), this::apply);
    }

    void apply(IncomingEvent event) {
        if (EventTypes.CASE_OPENED.equals(event.type())) {
            caseOpened(event.data());
        } else if (EventTypes.CASE_CLOSED.equals(event.type())) {
            allocation.caseClosed(uuid(event.data(), "caseId"), instant(event.data(), "occurredAt"));
        } else if (EventTypes.CONTACT_RECEIVED.equals(event.type())) {
            contactReceived(event.data());
        } else if (EventTypes.CONTACT_DECIDED.equals(event.type())) {
            contactDecided(event.data());
        }
    }

    private void contactReceived(JsonNode data) {
        contacts.received(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"),
                instant(data, "occurredAt"), date(data, "decisionDueBy"));
        alerts.changed();
    }

    /** The decided event carries everything the received one does, so it stands alone when it arrives first. */
    private void contactDecided(JsonNode data) {
        contacts.decided(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"),
                instant(data, "receivedAt"), date(data, "decisionDueBy"), instant(data, "occurredAt"));
        alerts.changed();
    }

    private void caseOpened(JsonNode data) {
        UUID caseId = uuid(data, "caseId");
        if (cases.findById(caseId) != null) {
            return;
        }
        Case opened = Case.opened(caseId, text(data, "childRef"), text(data, "team"), date(data, "referralDate"),
                instant(data, "occurredAt"));
        cases.persist(opened);
        allocation.caseArrived(opened);
        alerts.changed();
    }
}
