package org.frontdoor.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The few distributions the simulated front door draws from, each on a caller's seeded
 * {@link SplittableRandom} so that a seed fixes every draw, and the derivation of a log-normal's spread from
 * the two figures national statistics publish (a median and a share within a limit).
 */
final class Sampling {

    private Sampling() {
    }

    /** A stream of random numbers fixed by the seed, a stream number and a key (a case, a day), whatever the order of use. */
    static SplittableRandom stream(long seed, long stream, long key) {
        return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + stream * 0x9E3779B97F4A7C15L + mix(key)));
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Poisson-distributed count: exact for small means, the normal approximation for large ones. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(random));
    }

    /**
     * The spread (sigma of the logarithm) of a log-normal with the given median such that {@code share} of
     * draws fall at or below {@code limit}: e.g. median 33 and 86 % within 45 working days.
     */
    static double sigmaFor(double median, double limit, double share) {
        return Math.log(limit / median) / inverseNormal(share);
    }

    /** Draws a key with probability proportional to its weight. */
    static String weighted(SplittableRandom random, Map<String, Double> weights) {
        double total = 0;
        for (double weight : weights.values()) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            point -= entry.getValue();
            last = entry.getKey();
            if (point < 0) {
                return last;
            }
        }
        return last;
    }

    /** {@code a:3,b:1} as weights in that order (never Map.of, whose order changes from one JVM to the next). */
    static Map<String, Double> weights(String spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            int colon = item.lastIndexOf(':');
            weights.put(item.substring(0, colon).trim(), Double.parseDouble(item.substring(colon + 1).trim()));
        }
        return Collections.unmodifiableMap(weights);
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("A share must be strictly between 0 and 1: " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
