package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** One shape for a date and time in the extract, the reports and values read from a CRM database. */
class DateTimeTextTest {

    @Test
    void aWholeMinuteKeepsItsSecondsAndAFractionIsDropped() {
        assertThat(DateTimeText.of(LocalDateTime.of(2026, 12, 7, 3, 23))).isEqualTo("2026-12-07 03:23:00");
        assertThat(DateTimeText.of(LocalDateTime.of(2026, 10, 30, 19, 48, 37, 123_456_000))).isEqualTo("2026-10-30 19:48:37");
    }
}
