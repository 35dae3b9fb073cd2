package org.frontdoor.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Percentiles of latencies: nearest-rank over samples, and HdrHistogram for open-model load. */
public final class Stats {

    private Stats() {
    }

    /** Nearest-rank quantile (0 &lt; q ≤ 1) of the values, in the values' unit; NaN when empty. */
    public static double quantile(long[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Median as the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A histogram of nanosecond latencies from 1 µs to 10 minutes, 3 significant digits. */
    public static Histogram histogram() {
        return new Histogram(TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MINUTES.toNanos(10), 3);
    }

    /** Value at a percentile (0–100) in milliseconds; NaN when empty. */
    public static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
