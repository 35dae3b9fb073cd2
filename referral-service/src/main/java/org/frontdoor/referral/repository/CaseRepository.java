package org.frontdoor.referral.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.kit.persistence.QueryFilter;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.CaseStatus;

/** Stores cases and answers the questions a new referral asks about the child's history. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    public Optional<Case> findOpenForChild(String childRef) {
        return find("childRef = ?1 and status = ?2", childRef, CaseStatus.OPEN).firstResultOptional();
    }

    /** A page of cases, newest referral first, filtered by whatever is given. */
    public List<Case> search(CaseStatus status, String team, String childRef, int page, int size) {
        return query(status, team, childRef).page(page, size).list();
    }

    public long count(CaseStatus status, String team, String childRef) {
        return query(status, team, childRef).count();
    }

    private PanacheQuery<Case> query(CaseStatus status, String team, String childRef) {
        QueryFilter filter = new QueryFilter().and("status = :status", "status", status)
                .and("team = :team", "team", team)
                .and("childRef = :childRef", "childRef", childRef);
        return find(filter.orderedBy("referralDate desc, openedAt desc, id"), filter.parameters());
    }

    /** Referrals of the child with a referral date in {@code [from, before]}. */
    public int countReferrals(String childRef, LocalDate from, LocalDate before) {
        return (int) count("childRef = ?1 and referralDate >= ?2 and referralDate <= ?3", childRef, from, before);
    }
}
