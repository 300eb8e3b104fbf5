package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessDateOptionsTest {

    @Test
    void withoutADateTheBusinessDateIsYesterdayInTheCompanysTimeZone() {
        // 25 hours apart: on any day the two companies' yesterdays differ
        LocalDate kiribati = options("Pacific/Kiritimati").date();
        LocalDate samoa = options("Pacific/Pago_Pago").date();

        assertThat(kiribati).isNotEqualTo(samoa);
        assertThat(kiribati).isIn(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).minusDays(1),
                LocalDate.now(ZoneId.of("Pacific/Kiritimati")).minusDays(2)); // (should the clock pass midnight in between)
        assertThat(samoa).isIn(LocalDate.now(ZoneId.of("Pacific/Pago_Pago")).minusDays(1),
                LocalDate.now(ZoneId.of("Pacific/Pago_Pago")).minusDays(2));
    }

    @Test
    void aDateGivenWins() {
        assertThat(BusinessDateOptions.of(LocalDate.of(2026, 10, 30), false, null, null).date()).isEqualTo("2026-10-30");
    }

    private static BusinessDateOptions options(String zone) {
        return new BusinessDateOptions(new CompanyClock(new KamProperties(Path.of("inbox"), Path.of("out"), Path.of("jobs/sources"),
                Path.of("jobs"), new KamProperties.Ingest(20000, 14, 7, java.time.Duration.ZERO, java.time.Duration.ZERO), zone),
                java.time.Clock.systemUTC()));
    }
}
