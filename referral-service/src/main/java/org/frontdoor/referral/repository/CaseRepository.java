package org.frontdoor.referral.repository;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.CaseStatus;

/** Stores cases and answers the questions a new referral asks about the child's history. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    public Optional<Case> findOpenForChild(String childRef) {
        return find("childRef = ?1 and status = ?2", childRef, CaseStatus.OPEN).firstResultOptional();
    }

    /** Referrals of the child with a referral date in {@code [from, before]}. */
    public int countReferrals(String childRef, LocalDate from, LocalDate before) {
        return (int) count("childRef = ?1 and referralDate >= ?2 and referralDate <= ?3", childRef, from, before);
    }
}
