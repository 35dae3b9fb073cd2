package org.frontdoor.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A child-in-need episode opened by a referral. Its referral date (the London date of the decision
 * that opened it) starts the case's clocks.
 */
@Entity(name = "SocialCareCase")
@Table(name = "social_care_case")
public class Case {

    @Id
    private UUID id;
    @Column(name = "child_ref")
    private String childRef;
    @Column(name = "contact_id")
    private UUID contactId;
    private String team;
    private String source;
    @Column(name = "referral_date")
    private LocalDate referralDate;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "re_referral")
    private boolean reReferral;
    @Column(name = "referrals_in_previous_12_months")
    private int referralsInPrevious12Months;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private long version;

    protected Case() {
    }

    /**
     * Opens the case a referral decision creates.
     *
     * @param previousReferrals the child's referrals in the 12 months before this one; any makes it a re-referral
     */
    public static Case open(Contact contact, Instant openedAt, LocalDate referralDate, int previousReferrals) {
        Case opened = new Case();
        opened.id = UUID.randomUUID();
        opened.childRef = contact.childRef();
        opened.contactId = contact.id();
        opened.team = contact.team();
        opened.source = contact.source();
        opened.referralDate = referralDate;
        opened.openedAt = openedAt;
        opened.status = CaseStatus.OPEN;
        opened.referralsInPrevious12Months = previousReferrals;
        opened.reReferral = previousReferrals > 0;
        return opened;
    }

    public UUID id() {
        return id;
    }

    public String childRef() {
        return childRef;
    }

    public UUID contactId() {
        return contactId;
    }

    public String team() {
        return team;
    }

    public String source() {
        return source;
    }

    public LocalDate referralDate() {
        return referralDate;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public CaseStatus status() {
        return status;
    }

    public boolean reReferral() {
        return reReferral;
    }

    public int referralsInPrevious12Months() {
        return referralsInPrevious12Months;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
