package org.frontdoor.allocation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.frontdoor.events.AlertKind;

/**
 * A case-holding worker at or over their caseload threshold (red in {@link CaseloadPolicy}), the point at which
 * a new allocation needs a manager's override. Value and threshold are in cases held, so a 0.5 FTE worker at 18
 * per FTE reaches the threshold at 9 cases.
 */
public final class CaseloadOverThreshold implements AlertRule {

    private final CaseloadPolicy caseloads;

    public CaseloadOverThreshold(CaseloadPolicy caseloads) {
        this.caseloads = caseloads;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.CASELOAD_OVER_THRESHOLD;
    }

    @Override
    public List<AlertCondition> conditions(AlertSnapshot snapshot) {
        List<AlertCondition> found = new ArrayList<>();
        for (AlertSnapshot.WorkerCaseload worker : snapshot.workers()) {
            if (!worker.caseHolding()
                    || !caseloads.atOrOverThreshold(worker.activeCases(), worker.fte(), worker.ownThresholdPerFte())) {
                continue;
            }
            double perFte = caseloads.thresholdPerFte(worker.ownThresholdPerFte());
            found.add(new AlertCondition(kind(), worker.workerId(), worker.team(), null, worker.activeCases(),
                    casesAtThreshold(perFte, worker.fte()), detail(worker, perFte)));
        }
        return found;
    }

    /** The fewest whole cases at which the worker is red. */
    static int casesAtThreshold(double thresholdPerFte, double fte) {
        return fte <= 0 ? 0 : (int) Math.ceil(thresholdPerFte * fte - 1e-9);
    }

    private static String detail(AlertSnapshot.WorkerCaseload worker, double thresholdPerFte) {
        if (worker.fte() <= 0) {
            return String.format(Locale.ROOT, "Holds %s with no working hours recorded.",
                    AlertCondition.quantity(worker.activeCases(), "case"));
        }
        return String.format(Locale.ROOT, "Holds %s at %s FTE, %s per FTE, at or over the threshold of %s per FTE.",
                AlertCondition.quantity(worker.activeCases(), "case"), plain(worker.fte()),
                plain(CaseloadPolicy.casesPerFte(worker.activeCases(), worker.fte())), plain(thresholdPerFte));
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
