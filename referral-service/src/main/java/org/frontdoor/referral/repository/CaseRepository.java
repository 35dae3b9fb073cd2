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
        // A count query of its own, whose translation Hibernate caches. Panache's count(query) derives a new count
        // query from the select at every call and translates it to SQL again: 6 % of referral-service's CPU in the
        // benchmark's freshness phase, where every decision opens a case.
        return getEntityManager().createQuery("SELECT count(c) FROM SocialCareCase c WHERE c.childRef = ?1 "
                + "AND c.referralDate >= ?2 AND c.referralDate <= ?3", Long.class)
                .setParameter(1, childRef).setParameter(2, from).setParameter(3, before)
                .getSingleResult().intValue();
    }
}
