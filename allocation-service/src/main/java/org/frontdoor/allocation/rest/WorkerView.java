package org.frontdoor.allocation.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.frontdoor.allocation.domain.Rag;
import org.frontdoor.allocation.service.AllocationService.WorkerLoad;

/** A worker and their caseload as API.md lists them. */
public record WorkerView(String workerId, String displayName, String team, BigDecimal fte, boolean caseHolding,
        int activeCases, BigDecimal casesPerFte, BigDecimal threshold, Rag rag) {

    static WorkerView of(WorkerLoad load) {
        return new WorkerView(load.worker().workerId(), load.worker().displayName(), load.worker().team(),
                load.worker().fte(), load.worker().caseHolding(), load.activeCases(), round(load.casesPerFte()),
                round(load.threshold()), load.rag());
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
