package org.frontdoor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void rendersOneTableRowPerFigureWithItsVerdict() {
        Report report = new Report();
        report.add("Ingest", "1,200/s", "55 % of insert limit", "≥ 50 %", Report.Verdict.MET);
        report.add("Queries | raw", "9 s", "", "≥ 100 ×", Report.Verdict.MISSED);
        report.note("a note");
        String md = report.markdown("2026-11-26 run", "Machine: 2 cores.");
        assertTrue(md.contains("## 2026-11-26 run"));
        assertTrue(md.contains("| Ingest | 1,200/s | 55 % of insert limit | ≥ 50 % | met |"));
        assertTrue(md.contains("| Queries / raw | 9 s | — | ≥ 100 × | **missed** |"), md);
        assertTrue(md.contains("- a note"));
    }

    @Test
    void formatsRatesDurationsAndRatios() {
        assertEquals("1,235/s", Report.rate(1234.6));
        assertEquals("12.5/s", Report.rate(12.46));
        assertEquals("4.2 ms", Report.ms(4.21));
        assertEquals("120 ms", Report.ms(120.2));
        assertEquals("55 %", Report.ratio(0.55));
        assertEquals("150 ×", Report.ratio(150.2));
        assertEquals("n/a", Report.ratio(Double.NaN));
    }
}
