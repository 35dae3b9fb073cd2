package org.frontdoor.allocation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.frontdoor.kit.problem.ConflictProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Allocation's rules without a database: teams, case-holding, thresholds and overrides, reallocation. */
class AllocationRulesTest {

    private static final Instant OPENED = Instant.parse("2024-03-04T10:00:00Z");
    private final AllocationRules rules = new AllocationRules(new CaseloadPolicy(18, 0.9));

    private static Case openCase(String team) {
        return Case.opened(UUID.randomUUID(), "child-1", team, LocalDate.of(2024, 3, 4), OPENED);
    }

    private static Worker worker(String id, String team, String fte, boolean caseHolding, String ownThreshold) {
        Worker worker = new Worker(id);
        worker.update("W " + id, team, new BigDecimal(fte), caseHolding,
                ownThreshold == null ? null : new BigDecimal(ownThreshold), OPENED);
        return worker;
    }

    @ParameterizedTest(name = "{0} FTE, own threshold {1}, {2} cases, override \"{3}\" → allowed {4}, overridden {5}")
    @CsvSource(nullValues = "-", value = {
            // just under the threshold: no reason needed, none recorded
            "1.0, -,  17, -,             true,  false",
            // exactly at the threshold (18 per FTE): refused without a reason
            "1.0, -,  18, -,             false, false",
            "1.0, -,  18, '   ',         false, false",
            // with a reason: allowed and recorded as an override
            "1.0, -,  18, Knows family,  true,  true",
            "1.0, -,  25, Knows family,  true,  true",
            // half-time: the threshold is 9 cases
            "0.5, -,  8,  -,             true,  false",
            "0.5, -,  9,  -,             false, false",
            "0.5, -,  9,  Knows family,  true,  true",
            // the worker's own threshold per FTE replaces the default
            "1.0, 12, 11, -,             true,  false",
            "1.0, 12, 12, -,             false, false",
            "0.5, 12, 6,  -,             false, false",
            // a reason under the threshold is not an override
            "1.0, -,  3,  Knows family,  true,  false"
    })
    void thresholdsAndOverrides(String fte, String own, int cases, String reason, boolean allowed, boolean overridden) {
        AllocationRules.Verdict verdict = rules.judge(openCase("north"), worker("sw-1", "north", fte, true, own), cases,
                OPENED.plusSeconds(60), reason);
        assertEquals(allowed, verdict.allowed(), String.valueOf(verdict.refusal()));
        assertEquals(overridden, verdict.overridden());
        if (!allowed) {
            assertTrue(verdict.refusal().contains("overrideReason"), verdict.refusal());
        }
    }

    @Test
    void anotherTeamsWorkerOrOneHoldingNoCasesIsRefusedEvenWithAReason() {
        Case northern = openCase("north");
        assertTrue(rules.judge(northern, worker("sw-2", "south", "1.0", true, null), 0, OPENED, "urgent")
                .refusal().contains("team south"));
        assertTrue(rules.judge(northern, worker("sw-3", "north", "1.0", false, null), 0, OPENED, "urgent")
                .refusal().contains("does not hold cases"));
    }

    @Test
    void reallocationMovesTheCaseAndNamesThePreviousWorker() {
        Case moving = openCase("north");
        Worker first = worker("sw-1", "north", "1.0", true, null);
        Worker second = worker("sw-2", "north", "1.0", true, null);
        assertNull(moving.allocateTo(first, OPENED.plusSeconds(60)));
        assertFalse(moving.isUnallocated());
        assertFalse(rules.judge(moving, first, 1, OPENED.plusSeconds(120), null).allowed(), "the same worker again");
        assertTrue(rules.judge(moving, second, 0, OPENED.plusSeconds(120), null).allowed());
        assertEquals("sw-1", moving.allocateTo(second, OPENED.plusSeconds(120)));
        assertEquals("sw-2", moving.workerId());
        assertTrue(rules.judge(moving, first, 0, OPENED.plusSeconds(90), null).refusal()
                .contains("before the current allocation"), "no allocation earlier than the one it replaces");
    }

    @Test
    void nothingBeforeTheCaseOpenedAndNothingOnAClosedCase() {
        Case early = openCase("north");
        Worker worker = worker("sw-1", "north", "1.0", true, null);
        assertTrue(rules.judge(early, worker, 0, OPENED.minusSeconds(1), null).refusal().contains("before the case opened"));
        early.close();
        assertTrue(rules.judge(early, worker, 0, OPENED.plusSeconds(60), null).refusal().contains("closed"));
        assertThrows(ConflictProblem.class, () -> early.allocateTo(worker, OPENED.plusSeconds(60)));
    }

    @Test
    void aDeallocatedCaseWaitsAgainFromTheMomentItLostItsWorker() {
        Case returning = openCase("north");
        returning.allocateTo(worker("sw-1", "north", "1.0", true, null), OPENED.plusSeconds(60));
        Instant lost = OPENED.plusSeconds(86_400 * 3);
        assertEquals("sw-1", returning.deallocate(lost));
        assertTrue(returning.isUnallocated());
        assertEquals(lost, returning.waitingSince());
        assertThrows(ConflictProblem.class, () -> returning.deallocate(lost.plusSeconds(1)), "not allocated now");
    }

    @Test
    void closingEndsTheAllocation() {
        Case closing = openCase("north");
        closing.allocateTo(worker("sw-1", "north", "1.0", true, null), OPENED.plusSeconds(60));
        assertEquals("sw-1", closing.close());
        assertEquals(CaseStatus.CLOSED, closing.status());
        assertNull(closing.workerId());
    }
}
