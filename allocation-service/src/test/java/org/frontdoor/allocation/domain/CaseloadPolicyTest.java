package org.frontdoor.allocation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseloadPolicyTest {

    private final CaseloadPolicy policy = new CaseloadPolicy(18, 0.9);

    @ParameterizedTest(name = "{0} cases at {1} FTE, own threshold {2} -> {3}")
    @CsvSource(nullValues = "none", value = {
            "0,    1.0, none, GREEN",
            "16,   1.0, none, GREEN",   // 16 < 16.2 (90 % of 18)
            "17,   1.0, none, AMBER",
            "18,   1.0, none, RED",     // exactly at threshold is red
            "19,   1.0, none, RED",
            "8,    0.5, none, GREEN",   // 16 per FTE
            "9,    0.5, none, RED",     // 18 per FTE: at threshold
            "81,   5.0, none, AMBER",   // 16.2 per FTE: exactly the amber line
            "10,   1.0, 12,   GREEN",   // under 10.8, 90 % of 12
            "11,   1.0, 12,   AMBER",
            "12,   1.0, 12,   RED",
            "5,    0.5, 12,   GREEN",
    })
    void rag(int cases, double fte, Double ownThreshold, Rag expected) {
        assertEquals(expected, policy.rag(cases, fte, ownThreshold));
    }

    @ParameterizedTest(name = "{0} cases at {1} FTE -> needs override {2}")
    @CsvSource({ "17, 1.0, false", "18, 1.0, true", "8, 0.5, false", "9, 0.5, true" })
    void overrideNeededAtOrOverThreshold(int cases, double fte, boolean expected) {
        assertEquals(expected, policy.atOrOverThreshold(cases, fte, null));
    }

    @ParameterizedTest
    @CsvSource({ "0, 0.5, 0.0", "9, 0.5, 18.0", "3, 1.0, 3.0", "4, 0.8, 5.0" })
    void casesPerFte(int cases, double fte, double expected) {
        assertEquals(expected, CaseloadPolicy.casesPerFte(cases, fte), 1e-9);
    }
}
