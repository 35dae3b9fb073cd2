package org.frontdoor.metrics.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.metrics.domain.CaseFact;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.Referral;

/**
 * Writes case facts from referrals and closures, and what the case learns from its child's other facts.
 * Each method handles a batch of cases, all different, with one statement (or one read and one write).
 */
@ApplicationScoped
public class CaseFactRepository implements PanacheRepositoryBase<CaseFact, UUID> {

    /** What case.opened says of a case (the key first); the referral owns these columns. */
    private static final String REFERRAL_COLUMNS = """
            case_id uuid, child_ref text, contact_id uuid, team text, source text, opened_at timestamptz,
            referral_date date, re_referral boolean, referrals_in_previous_12_months int
            """;
    /** What only case.closed says; the closure owns these columns. */
    private static final String CLOSURE_COLUMNS = """
            closed_at timestamptz, closed_date date, closure_reason text, no_further_step boolean
            """;

    private static final String REFERRALS = Unnest.upsert("case_fact", REFERRAL_COLUMNS, REFERRAL_COLUMNS);

    private static final String CLOSURES = Unnest.upsert("case_fact",
            "case_id uuid, child_ref text, team text, referral_date date, " + CLOSURE_COLUMNS, CLOSURE_COLUMNS);

    private static final String REFERRALS_AND_CLOSURES = Unnest.upsert("case_fact",
            REFERRAL_COLUMNS + "," + CLOSURE_COLUMNS, REFERRAL_COLUMNS + "," + CLOSURE_COLUMNS);

    private final WorkingCalendar calendar;

    public CaseFactRepository(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** A case's opening and closure that came in the same batch. */
    public record ReferralAndClosure(Referral referral, Closure closure) {
    }

    /** A case.closed. */
    public record Closure(UUID caseId, String childRef, String team, Instant closedAt, LocalDate referralDate,
            LocalDate closedDate, String reason, boolean noFurtherStep) {
    }

    /**
     * case.opened owns the referral columns and overwrites them; a closure seen earlier keeps its columns.
     * The caller then works out again the children's re-referral counts and the cases' first allocations.
     */
    public void recordReferrals(List<Referral> referrals) {
        Unnest.execute(getEntityManager(), REFERRALS, referrals, CaseFactRepository::referralColumns);
    }

    /**
     * A closure fills the closure columns; when it comes first it also creates the row with what it knows of
     * the case, and case.opened completes it later. The caller then works out the first allocation again.
     */
    public void recordClosures(List<Closure> closures) {
        Unnest.execute(getEntityManager(), CLOSURES, closures, closure -> Unnest.concat(new Object[] {
            closure.caseId(), closure.childRef(), closure.team(), closure.referralDate() }, closureColumns(closure)));
    }

    /**
     * Cases opened and closed in the same batch: each is one row written once, with the referral's columns and
     * the closure's, instead of an insert and then an update of every index; it ends as the two one after the
     * other (in either order) would leave it, since each owns its columns.
     */
    public void recordReferralsWithClosures(List<ReferralAndClosure> cases) {
        Unnest.execute(getEntityManager(), REFERRALS_AND_CLOSURES, cases,
                both -> Unnest.concat(referralColumns(both.referral()), closureColumns(both.closure())));
    }

    /** {@link #REFERRAL_COLUMNS} of a referral. */
    private static Object[] referralColumns(Referral referral) {
        return new Object[] { referral.caseId(), referral.childRef(), referral.contactId(), referral.team(),
            referral.source(), referral.openedAt(), referral.referralDate(), referral.reReferral(),
            referral.referralsInPrevious12Months() };
    }

    /** {@link #CLOSURE_COLUMNS} of a closure. */
    private static Object[] closureColumns(Closure closure) {
        return new Object[] { closure.closedAt(), closure.closedDate(), closure.reason(), closure.noFurtherStep() };
    }

    /**
     * Works out again, for every referral of these children, how many referrals came in the 12 months before
     * it (a referral arriving late changes the answer for those after it), so the counts converge in any order.
     */
    public void refreshReReferrals(Collection<String> childRefs) {
        Map<String, List<Object[]>> byChild = new LinkedHashMap<>();
        for (Object[] row : Unnest.select(getEntityManager(), """
                SELECT child_ref, case_id, referral_date, opened_at, previous_referrals_12_months FROM case_fact
                WHERE child_ref = ANY(?::text[]) AND opened_at IS NOT NULL
                """, childRefs)) {
            byChild.computeIfAbsent((String) row[0], child -> new ArrayList<>()).add(row);
        }
        List<Object[]> changes = new ArrayList<>();
        for (List<Object[]> rows : byChild.values()) {
            List<Facts.Case> cases = new ArrayList<>();
            for (Object[] row : rows) {
                cases.add(new Facts.Case((UUID) row[1], (String) row[0], null, null, toInstant(row[3]),
                        StepFactRepository.toDate(row[2]), false, null, null));
            }
            for (int i = 0; i < cases.size(); i++) {
                int previous = Facts.previousReferrals(cases.get(i), cases);
                if (previous != ((Number) rows.get(i)[4]).intValue()) {
                    changes.add(new Object[] { cases.get(i).id(), previous });
                }
            }
        }
        Unnest.execute(getEntityManager(), """
                UPDATE case_fact c SET previous_referrals_12_months = u.previous::int
                FROM unnest(?::text[], ?::text[]) AS u(case_id, previous) WHERE c.case_id = u.case_id::uuid
                """, changes);
    }

    /**
     * These cases' first allocations and the working days from their referral dates to them, from whatever
     * allocations are known; called when either a case or an allocation arrives.
     */
    public void refreshFirstAllocations(Collection<UUID> caseIds) {
        List<Object[]> changes = new ArrayList<>();
        for (Object[] row : Unnest.select(getEntityManager(), """
                SELECT c.case_id, c.referral_date, a.allocated_at, a.allocated_date
                FROM case_fact c
                JOIN LATERAL (SELECT allocated_at, allocated_date FROM allocation_fact
                              WHERE case_id = c.case_id ORDER BY allocated_at LIMIT 1) a ON true
                WHERE c.case_id = ANY(?::text[]::uuid[]) AND c.referral_date IS NOT NULL
                """, caseIds)) {
            LocalDate referral = StepFactRepository.toDate(row[1]);
            LocalDate allocated = StepFactRepository.toDate(row[3]);
            changes.add(new Object[] { row[0], toInstant(row[2]), allocated,
                calendar.workingDaysBetween(referral, allocated) });
        }
        Unnest.execute(getEntityManager(), """
                UPDATE case_fact c SET first_allocated_at = u.at::timestamptz, first_allocated_date = u.day::date,
                                       allocation_working_days = u.days::int
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(case_id, at, day, days)
                WHERE c.case_id = u.case_id::uuid
                """, changes);
    }

    static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
