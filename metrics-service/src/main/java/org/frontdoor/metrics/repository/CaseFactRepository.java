package org.frontdoor.metrics.repository;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.metrics.domain.CaseFact;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.Referral;
import org.frontdoor.metrics.domain.ReferralCounts;

/** Writes case facts from referrals and counts them for the referral indicators. */
@ApplicationScoped
public class CaseFactRepository implements PanacheRepositoryBase<CaseFact, UUID> {

    /** case.opened is the case fact's only writer, so the latest copy of it simply wins. */
    public void recordReferral(Referral referral) {
        getEntityManager().createNativeQuery("""
                INSERT INTO case_fact (case_id, child_ref, contact_id, team, source, opened_at, referral_date,
                                       re_referral, referrals_in_previous_12_months)
                VALUES (:caseId, :childRef, :contactId, :team, :source, :openedAt, :referralDate,
                        :reReferral, :previousReferrals)
                ON CONFLICT (case_id) DO UPDATE SET
                    child_ref = EXCLUDED.child_ref,
                    contact_id = EXCLUDED.contact_id,
                    team = EXCLUDED.team,
                    source = EXCLUDED.source,
                    opened_at = EXCLUDED.opened_at,
                    referral_date = EXCLUDED.referral_date,
                    re_referral = EXCLUDED.re_referral,
                    referrals_in_previous_12_months = EXCLUDED.referrals_in_previous_12_months
                """)
                .setParameter("caseId", referral.caseId())
                .setParameter("childRef", referral.childRef())
                .setParameter("contactId", referral.contactId())
                .setParameter("team", referral.team())
                .setParameter("source", referral.source())
                .setParameter("openedAt", referral.openedAt())
                .setParameter("referralDate", referral.referralDate())
                .setParameter("reReferral", referral.reReferral())
                .setParameter("previousReferrals", referral.referralsInPrevious12Months())
                .executeUpdate();
    }

    /** Referrals by referral date, and those that were re-referrals. */
    public ReferralCounts count(IndicatorFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT COUNT(*),
                       COUNT(*) FILTER (WHERE re_referral)
                FROM case_fact
                WHERE referral_date BETWEEN :from AND :to
                """);
        Object[] row = (Object[]) FactFilters.restrict(sql, filter, getEntityManager()).getSingleResult();
        return new ReferralCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
