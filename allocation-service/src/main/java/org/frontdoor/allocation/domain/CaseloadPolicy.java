package org.frontdoor.allocation.domain;

/**
 * Decides how loaded a worker is: cases per FTE against a per-FTE threshold, amber from a fraction of it,
 * red at or over it — and so whether a new allocation needs a manager's override.
 */
public final class CaseloadPolicy {

    private final double defaultThresholdPerFte;
    private final double amberFraction;

    public CaseloadPolicy(double defaultThresholdPerFte, double amberFraction) {
        if (defaultThresholdPerFte <= 0 || amberFraction <= 0 || amberFraction > 1) {
            throw new IllegalArgumentException("threshold must be positive and the amber fraction in (0, 1]");
        }
        this.defaultThresholdPerFte = defaultThresholdPerFte;
        this.amberFraction = amberFraction;
    }

    /** The worker's own threshold when set, otherwise the authority's default. */
    public double thresholdPerFte(Double ownThreshold) {
        return ownThreshold != null ? ownThreshold : defaultThresholdPerFte;
    }

    /** Open allocated cases divided by FTE; a worker with no hours has an infinite load once they hold a case. */
    public static double casesPerFte(int activeCases, double fte) {
        if (activeCases == 0) {
            return 0;
        }
        return fte <= 0 ? Double.POSITIVE_INFINITY : activeCases / fte;
    }

    public Rag rag(int activeCases, double fte, Double ownThreshold) {
        double load = casesPerFte(activeCases, fte);
        double threshold = thresholdPerFte(ownThreshold);
        if (load >= threshold - 1e-9) {
            return Rag.RED;
        }
        if (load >= threshold * amberFraction - 1e-9) {
            return Rag.AMBER;
        }
        return Rag.GREEN;
    }

    /** At or over threshold: one more case needs an override reason. */
    public boolean atOrOverThreshold(int activeCases, double fte, Double ownThreshold) {
        return rag(activeCases, fte, ownThreshold) == Rag.RED;
    }
}
