package org.frontdoor.referral.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

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
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (team != null) {
            where.append(" and team = :team");
            parameters.and("team", team);
        }
        if (childRef != null) {
            where.append(" and childRef = :childRef");
            parameters.and("childRef", childRef);
        }
        return find(where + " order by referralDate desc, openedAt desc, id", parameters);
    }

    /** Referrals of the child with a referral date in {@code [from, before]}. */
    public int countReferrals(String childRef, LocalDate from, LocalDate before) {
        return (int) count("childRef = ?1 and referralDate >= ?2 and referralDate <= ?3", childRef, from, before);
    }
}
