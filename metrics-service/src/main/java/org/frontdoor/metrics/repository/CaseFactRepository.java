package org.frontdoor.metrics.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.metrics.domain.CaseFact;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.Referral;

/** Writes case facts from referrals and closures, and what the case learns from its child's other facts. */
@ApplicationScoped
public class CaseFactRepository implements PanacheRepositoryBase<CaseFact, UUID> {

    private final WorkingCalendar calendar;

    public CaseFactRepository(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * case.opened owns the referral columns and overwrites them; a closure seen earlier keeps its columns.
     * The child's re-referral counts and the case's first allocation are then worked out again.
     */
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
        refreshReReferrals(referral.childRef());
        refreshFirstAllocation(referral.caseId());
    }

    /**
     * A closure fills the closure columns; when it comes first it also creates the row with what it knows of
     * the case, and case.opened completes it later.
     */
    public void recordClosure(UUID caseId, String childRef, String team, java.time.Instant closedAt,
            LocalDate referralDate, LocalDate closedDate, String reason, boolean noFurtherStep) {
        getEntityManager().createNativeQuery("""
                INSERT INTO case_fact (case_id, child_ref, team, referral_date, closed_at, closed_date, closure_reason,
                                       no_further_step)
                VALUES (:caseId, :childRef, :team, :referralDate, :closedAt, :closedDate, :reason, :noFurtherStep)
                ON CONFLICT (case_id) DO UPDATE SET
                    closed_at = EXCLUDED.closed_at,
                    closed_date = EXCLUDED.closed_date,
                    closure_reason = EXCLUDED.closure_reason,
                    no_further_step = EXCLUDED.no_further_step
                """)
                .setParameter("caseId", caseId)
                .setParameter("childRef", childRef)
                .setParameter("team", team)
                .setParameter("referralDate", referralDate)
                .setParameter("closedAt", closedAt)
                .setParameter("closedDate", closedDate)
                .setParameter("reason", reason)
                .setParameter("noFurtherStep", noFurtherStep)
                .executeUpdate();
        refreshFirstAllocation(caseId);
    }

    /**
     * Works out again, for every referral of the child, how many referrals came in the 12 months before it
     * (a referral arriving late changes the answer for those after it), so the counts converge in any order.
     */
    public void refreshReReferrals(String childRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT case_id, referral_date, opened_at, previous_referrals_12_months FROM case_fact
                WHERE child_ref = :child AND opened_at IS NOT NULL
                """).setParameter("child", childRef).getResultList();
        List<Facts.Case> cases = new ArrayList<>();
        for (Object[] row : rows) {
            cases.add(new Facts.Case((UUID) row[0], childRef, null, null, toInstant(row[2]),
                    StepFactRepository.toDate(row[1]), false, null, null));
        }
        for (int i = 0; i < cases.size(); i++) {
            int previous = Facts.previousReferrals(cases.get(i), cases);
            if (previous != ((Number) rows.get(i)[3]).intValue()) {
                getEntityManager().createNativeQuery(
                        "UPDATE case_fact SET previous_referrals_12_months = :previous WHERE case_id = :id")
                        .setParameter("previous", previous).setParameter("id", cases.get(i).id()).executeUpdate();
            }
        }
    }

    /**
     * The case's first allocation and the working days from its referral date to it, from whatever
     * allocations are known; called when either the case or an allocation arrives.
     */
    public void refreshFirstAllocation(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT c.referral_date, a.allocated_at, a.allocated_date
                FROM case_fact c
                JOIN LATERAL (SELECT allocated_at, allocated_date FROM allocation_fact
                              WHERE case_id = c.case_id ORDER BY allocated_at LIMIT 1) a ON true
                WHERE c.case_id = :id AND c.referral_date IS NOT NULL
                """).setParameter("id", caseId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = rows.get(0);
        LocalDate referral = StepFactRepository.toDate(row[0]);
        LocalDate allocated = StepFactRepository.toDate(row[2]);
        getEntityManager().createNativeQuery("""
                UPDATE case_fact SET first_allocated_at = :at, first_allocated_date = :date,
                                     allocation_working_days = :days
                WHERE case_id = :id
                """)
                .setParameter("at", toInstant(row[1]))
                .setParameter("date", allocated)
                .setParameter("days", calendar.workingDaysBetween(referral, allocated))
                .setParameter("id", caseId)
                .executeUpdate();
    }

    static java.time.Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (java.time.Instant) value;
    }
}
