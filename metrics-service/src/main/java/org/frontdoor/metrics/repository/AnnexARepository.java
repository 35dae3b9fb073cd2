package org.frontdoor.metrics.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.metrics.domain.AnnexA;

/** Reads the rows of the Annex A lists from the fact tables, in date order then by child. */
@ApplicationScoped
public class AnnexARepository {

    private final EntityManager entityManager;

    public AnnexARepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** List 1: every contact received in the period, one row per child contact. */
    public List<List<Object>> list1(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                SELECT child_ref, gender, ethnicity, birth_month, received_date, source
                FROM contact_fact WHERE received_date BETWEEN :from AND :to
                ORDER BY received_date, received_at, child_ref, contact_id
                """).setParameter("from", from).setParameter("to", to).getResultList()) {
            Object[] c = (Object[]) row;
            LocalDate received = StepFactRepository.toDate(c[4]);
            rows.add(Arrays.asList(c[0], c[1], c[2], c[3], AnnexA.age((String) c[3], received), received, c[5]));
        }
        return rows;
    }

    /**
     * List 3: every referral in the period, with the child as its contact described them, whether it closed
     * with no step after it, the child's referrals in the 12 months before, and who holds it now.
     */
    public List<List<Object>> list3(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                SELECT c.child_ref, k.gender, k.ethnicity, k.birth_month, c.referral_date, c.source,
                       CASE WHEN c.closed_date IS NOT NULL AND c.no_further_step THEN 'Y' ELSE 'N' END,
                       GREATEST(c.previous_referrals_12_months, COALESCE(c.referrals_in_previous_12_months, 0)),
                       a.team, a.worker_id
                FROM case_fact c
                LEFT JOIN contact_fact k ON k.contact_id = c.contact_id
                LEFT JOIN LATERAL (SELECT al.team, al.worker_id, al.allocated_at FROM allocation_fact al
                                   WHERE al.case_id = c.case_id ORDER BY al.allocated_at DESC LIMIT 1) a
                       ON c.closed_date IS NULL AND NOT EXISTS (
                           SELECT 1 FROM deallocation_fact d
                           WHERE d.case_id = c.case_id AND d.deallocated_at >= a.allocated_at)
                WHERE c.opened_at IS NOT NULL AND c.referral_date BETWEEN :from AND :to
                ORDER BY c.referral_date, c.opened_at, c.child_ref, c.case_id
                """).setParameter("from", from).setParameter("to", to).getResultList()) {
            Object[] c = (Object[]) row;
            LocalDate referral = StepFactRepository.toDate(c[4]);
            rows.add(Arrays.asList(c[0], c[1], c[2], c[3], AnnexA.age((String) c[3], referral), referral, c[5], c[6],
                    c[7], c[8], c[9]));
        }
        return rows;
    }
}
