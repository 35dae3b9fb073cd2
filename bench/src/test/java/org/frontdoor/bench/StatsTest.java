package org.frontdoor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankQuantiles() {
        long[] values = { 5, 1, 4, 2, 3, 10, 9, 8, 7, 6 };
        assertEquals(5, Stats.quantile(values, 0.5));
        assertEquals(10, Stats.quantile(values, 0.99));
        assertEquals(1, Stats.quantile(values, 0.01));
        assertEquals(10, Stats.quantile(values, 1.0));
        assertTrue(Double.isNaN(Stats.quantile(new long[0], 0.5)));
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.median(new double[] { 4, 1, 3, 2 }));
        assertEquals(3, Stats.median(new double[] { 5, 1, 3 }));
    }

    @Test
    void histogramPercentilesInMilliseconds() {
        Histogram h = Stats.histogram();
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1_000_000L);
        }
        assertEquals(50, Stats.ms(h, 50), 0.1);
        assertEquals(99, Stats.ms(h, 99), 0.1);
    }

    @Test
    void steadyRateIsTakenBetweenTenAndNinetyPercent() {
        // 1000 events/s after a 5 s start-up.
        List<double[]> samples = new java.util.ArrayList<>();
        for (int s = 0; s <= 20; s++) {
            samples.add(new double[] { s, Math.max(0, (s - 5) * 1000.0) });
        }
        assertEquals(1000, Replay.steadyRate(samples, 15_000), 1e-9);
    }

    @Test
    void generatedReplayEventsAreValidContracts() {
        Replay.validateShapes();
        assertEquals(6, Replay.caseEvents("t", 1, new SplittableRandom(3)).size());
    }
}
