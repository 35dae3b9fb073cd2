package org.frontdoor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one benchmark run, printed as they come and rendered as one dated section of
 * docs/benchmarks.md: a table of benchmark | figure | limit / ratio | target | met or missed, then notes.
 */
public final class Report {

    /** Whether a row has a target and whether the run met it. */
    public enum Verdict {
        MET("met"), MISSED("**missed**"), NONE("—");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /** One line of the table. */
    public record Row(String benchmark, String figure, String limitRatio, String target, Verdict verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(String benchmark, String figure, String limitRatio, String target, Verdict verdict) {
        Row row = new Row(benchmark, figure, limitRatio, target, verdict);
        rows.add(row);
        System.out.printf("[bench] RESULT %s: %s | %s | target %s: %s%n", benchmark, figure, limitRatio, target,
                verdict.name().toLowerCase());
    }

    public synchronized void note(String text) {
        notes.add(text);
        System.out.println("[bench] NOTE " + text);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The markdown section: heading, machine line, table and notes. */
    public synchronized String markdown(String heading, String machine) {
        StringBuilder out = new StringBuilder();
        out.append("\n## ").append(heading).append("\n\n");
        out.append(machine).append("\n\n");
        out.append("| Benchmark | Figure | Limit / ratio | Target | Met? |\n");
        out.append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(cell(row.benchmark())).append(" | ").append(cell(row.figure())).append(" | ")
                    .append(cell(row.limitRatio())).append(" | ").append(cell(row.target())).append(" | ")
                    .append(row.verdict().text()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append("- ").append(note.replace("\n", " ")).append('\n');
            }
        }
        return out.toString();
    }

    static String cell(String text) {
        return text == null || text.isBlank() ? "—" : text.replace("|", "/").replace("\n", " ");
    }

    public void append(Path file, String markdown) throws IOException {
        Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** "12,345/s" style numbers. */
    public static String rate(double perSecond) {
        return perSecond >= 100 ? String.format("%,.0f/s", perSecond) : String.format("%.1f/s", perSecond);
    }

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 10 ? String.format("%,.0f ms", millis) : String.format("%.1f ms", millis);
    }

    public static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value >= 10 ? String.format("%,.0f ×", value) : String.format("%.0f %%", value * 100);
    }
}
