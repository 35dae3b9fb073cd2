package org.frontdoor.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.kit.audit.AuditTrail;
import org.frontdoor.kit.clock.Clocks;
import org.frontdoor.kit.problem.ConflictProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.frontdoor.referral.config.ContactsConfig;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.Contact;
import org.frontdoor.referral.domain.ContactDetails;
import org.frontdoor.referral.domain.ContactStatus;
import org.frontdoor.referral.messaging.ReferralEvents;
import org.frontdoor.referral.repository.CaseRepository;
import org.frontdoor.referral.repository.ContactRepository;

/**
 * The front door's commands: a contact arrives, a manager decides it, a referral opens a case. Each is
 * one transaction holding the state change and its events, so a 2xx means both are durable.
 */
@ApplicationScoped
public class ContactService {

    private final ContactRepository contacts;
    private final CaseRepository cases;
    private final ReferralEvents events;
    private final WorkingCalendar calendar;
    private final Clocks clocks;
    private final Clock clock;
    private final ContactsConfig config;
    private final AuditTrail audit;

    public ContactService(ContactRepository contacts, CaseRepository cases, ReferralEvents events,
            WorkingCalendar calendar, Clocks clocks, Clock clock, ContactsConfig config, AuditTrail audit) {
        this.contacts = contacts;
        this.cases = cases;
        this.events = events;
        this.calendar = calendar;
        this.clocks = clocks;
        this.clock = clock;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    public Contact receive(ContactDetails details) {
        Instant receivedAt = clocks.requestTime("receivedAt", details.receivedAt(), clock.instant());
        LocalDate receivedDate = WorkingCalendar.londonDate(receivedAt);
        LocalDate dueBy = RuleSets.inForceOn(receivedDate).rule(RuleSets.CONTACT_DECISION.name())
                .dueDate(receivedDate, calendar);
        Contact contact = Contact.receive(new ContactDetails(details.childRef(), receivedAt, details.source(),
                details.channel(), details.outOfHours(), details.team(), details.contactGroup(), details.concerns(),
                details.birthMonth(), details.gender(), details.ethnicity()), dueBy);
        contacts.insert(contact);
        events.contactReceived(contact);
        audit.record("contact.received", "contact", contact.id().toString());
        return contact;
    }

    /** A page of contacts received on London dates {@code from..to} (inclusive), oldest first. */
    @Transactional
    public ContactPage search(ContactStatus status, String team, LocalDate from, LocalDate to, int page, int size) {
        Instant start = from == null ? null : from.atStartOfDay(WorkingCalendar.LONDON).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant();
        audit.record("contact.listed", "contact-list", team == null ? "*" : team);
        return new ContactPage(contacts.search(status, team, start, end, page, size),
                contacts.count(status, team, start, end));
    }

    /** One page of a contact list and the size of the whole list. */
    public record ContactPage(List<Contact> contacts, long total) {
    }

    /** A contact as it stands; the read itself is audited. */
    @Transactional
    public Contact get(UUID id) {
        Contact contact = contacts.findById(id);
        if (contact == null) {
            throw new NotFoundProblem("Contact", id);
        }
        audit.record("contact.read", "contact", id.toString(), caseIdOf(contact));
        return contact;
    }

    /**
     * Records a decision; a {@code REFERRAL} opens a case unless the child already has one open, in
     * which case the contact must be {@code PASSED_TO_OPEN_CASE}.
     */
    @Transactional
    public Contact decide(UUID id, ContactOutcome outcome, Instant decidedAt, String decidedBy, String rationale) {
        Instant at = clocks.requestTime("decidedAt", decidedAt, clock.instant());
        if (config.rationaleRequired() && (rationale == null || rationale.isBlank())) {
            throw new InvalidFieldProblem("rationale", "must not be blank: record why the decision was made");
        }
        Contact contact = contacts.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("Contact", id));
        contact.decide(outcome, at, decidedBy, rationale);
        Case openCase = cases.findOpenForChild(contact.childRef()).orElse(null);
        Case opened = null;
        if (outcome == ContactOutcome.REFERRAL) {
            if (openCase != null) {
                throw new ConflictProblem("The child already has an open case " + openCase.id()
                        + "; decide this contact PASSED_TO_OPEN_CASE instead of opening a new referral");
            }
            LocalDate referralDate = WorkingCalendar.londonDate(at);
            int previous = cases.countReferrals(contact.childRef(), referralDate.minusMonths(12), referralDate);
            opened = Case.open(contact, at, referralDate, previous);
            cases.persist(opened);
            contact.openedCase(opened.id());
        } else if (outcome == ContactOutcome.PASSED_TO_OPEN_CASE) {
            if (openCase == null) {
                throw new ConflictProblem("The child has no open case to pass this contact to");
            }
            contact.openedCase(openCase.id());
        }
        events.contactDecided(contact);
        audit.record("contact.decided", "contact", id.toString(), caseIdOf(contact));
        if (opened != null) {
            events.caseOpened(opened);
            audit.record("case.opened", "case", opened.id().toString(), opened.id().toString());
        }
        return contact;
    }

    private static String caseIdOf(Contact contact) {
        return contact.caseId() == null ? null : contact.caseId().toString();
    }
}
