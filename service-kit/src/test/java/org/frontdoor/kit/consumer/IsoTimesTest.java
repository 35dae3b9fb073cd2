package org.frontdoor.kit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    @Test
    void everyInstantAProducerWritesReadsBackAsTheJdkReadsIt() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String text = instant.toString();
            assertEquals(Instant.parse(text), IsoTimes.instant(text), text);
            String date = text.substring(0, text.indexOf('T'));
            if (date.length() == 10) {
                assertEquals(LocalDate.parse(date), IsoTimes.date(date), date);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-03-31T01:30:00.5Z", "2024-03-31T01:30:00.123456789Z", "2024-02-29T23:59:59Z",
            "2024-06-01T10:15:30+01:00", "2024-06-01T10:15:30.000Z", "+12024-06-01T10:15:30Z",
            "1970-01-01T00:00:00Z", "2024-06-01T24:00:00Z", "2024-06-01T10:15:30.Z", "2016-12-31T23:59:60Z" })
    void otherValidFormsAreTheJdks(String text) {
        assertEquals(Instant.parse(text), IsoTimes.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-06-01T25:00:00Z",
            "2024-06-01T10:60:00Z", "2024-06-01 10:15:30Z", "2024-06-01T10:15:30", "2024-06-01T10:15:30.1234567890Z", "２０２４-06-01T10:15:30Z", "2024-06-01T10:15:3aZ", "" })
    void malformedInstantsFailAsTheJdksDo(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoTimes.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2023-02-29", "2024-00-10", "2024-1-10", "24-01-10", "2024-01-1x", "2024/01/10", "" })
    void malformedDatesFailAsTheJdksDo(String text) {
        assertThrows(DateTimeParseException.class, () -> LocalDate.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoTimes.date(text));
    }
}
