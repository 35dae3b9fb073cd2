package org.frontdoor.metrics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Ofsted Annex A lists this service can produce (DOMAIN.md §6), in the inspection's column order. Only
 * what the facts hold is written: the date of birth is the birth month, and an age that the birth month
 * cannot settle (a child whose birthday month it is) is left blank rather than guessed.
 */
public final class AnnexA {

    /** List 1: one row per contact about a child. */
    public static final List<String> LIST_1 = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
            "Age of Child (Years)", "Date of Contact", "Contact Source");

    /** List 3: one row per referral. */
    public static final List<String> LIST_3 = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
            "Age of Child (Years)", "Date of Referral", "Referral Source", "Referral NFA",
            "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker");

    private AnnexA() {
    }

    /**
     * The child's age in whole years on a date, from the birth month: null when the birth month is unknown,
     * malformed or after the date, or when the date falls in the birthday month (either age is possible).
     */
    public static Integer age(String birthMonth, LocalDate on) {
        if (birthMonth == null) {
            return null;
        }
        YearMonth born;
        try {
            born = YearMonth.parse(birthMonth);
        } catch (DateTimeParseException e) {
            return null;
        }
        long months = (on.getYear() - born.getYear()) * 12L + on.getMonthValue() - born.getMonthValue();
        if (months < 0 || months % 12 == 0 && months > 0) {
            return null;
        }
        return (int) (months / 12);
    }

    /** One CSV line (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled. */
    public static String line(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object field = fields.get(i);
            String text = field == null ? "" : field.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            line.append(text);
        }
        return line.append("\r\n").toString();
    }
}
