package org.frontdoor.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One case (referral) as the indicators see it, anchored on its referral date. Read-only here: only the
 * consumer writes it.
 */
@Entity
@Immutable
@Table(name = "case_fact")
public class CaseFact {

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "child_ref")
    private String childRef;
    @Column(name = "contact_id")
    private UUID contactId;
    private String team;
    private String source;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "referral_date")
    private LocalDate referralDate;
    @Column(name = "re_referral")
    private boolean reReferral;
    @Column(name = "referrals_in_previous_12_months")
    private int referralsInPrevious12Months;

    protected CaseFact() {
    }

    public UUID caseId() {
        return caseId;
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

    public Instant openedAt() {
        return openedAt;
    }

    public LocalDate referralDate() {
        return referralDate;
    }

    public boolean reReferral() {
        return reReferral;
    }

    public int referralsInPrevious12Months() {
        return referralsInPrevious12Months;
    }
}
