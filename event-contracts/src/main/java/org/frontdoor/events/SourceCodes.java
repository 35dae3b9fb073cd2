package org.frontdoor.events;

import java.util.List;
import java.util.Set;

/**
 * The Children in Need census referral / contact source codes (DOMAIN.md §3), kept as strings
 * because codes such as {@code 1A} and {@code 10} are not valid Java identifiers.
 */
public final class SourceCodes {

    /** Every source code, in census order. */
    public static final List<String> ALL = List.of(
            "1A", "1B", "1C", "1D",
            "2A", "2B",
            "3A", "3B", "3C", "3D", "3E", "3F",
            "4",
            "5A", "5B", "5C", "5D",
            "6", "7", "8", "9", "10");

    private static final Set<String> LOOKUP = Set.copyOf(ALL);

    private SourceCodes() {
    }

    /** Whether the value is a census source code exactly as written (case-sensitive, no padding). */
    public static boolean isValid(String code) {
        return code != null && LOOKUP.contains(code);
    }
}
