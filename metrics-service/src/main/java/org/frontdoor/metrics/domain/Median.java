package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The median as PostgreSQL's {@code percentile_cont(0.5)} gives it, to one decimal place, so both engines agree. */
public final class Median {

    private Median() {
    }

    /** The median of the values, or null when there are none. */
    public static BigDecimal of(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + (long) sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return median.setScale(1, RoundingMode.HALF_UP);
    }

    /** A database median (a double from percentile_cont), to one decimal place, or null. */
    public static BigDecimal of(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    /** percentile_cont(0.5) of the values with their counts: the middle one, or the mean of the middle two. */
    public static Double ofCounts(SortedMap<Integer, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long lower = (total - 1) / 2;
        long upper = total / 2;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (low == null && seen > lower) {
                low = entry.getKey();
            }
            if (seen > upper) {
                high = entry.getKey();
                break;
            }
        }
        return low.equals(high) ? (double) low : (low + (double) high) / 2;
    }
}
