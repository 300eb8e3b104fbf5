package com.kam.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kam.pipeline.system.NightlyFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/schedules.yml: what the shipped file says, and how a malformed one is refused. */
class SchedulesFileTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void theShippedFileRunsTheNightTheWeekAndTheMonthForTheDayBeforeTheFiring() {
        // the shipped file names no zone: the company's (kam.time-zone) governs, wherever it is
        assertThat(Schedules.load(Path.of("jobs/schedules.yml"), ZoneId.of("Europe/Berlin")).zone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
        Schedules schedules = Schedules.load(Path.of("jobs/schedules.yml"), SHANGHAI);

        assertThat(schedules.zone()).isEqualTo(SHANGHAI);
        assertThat(schedules.byName("nightly").steps()).extracting(NightlyFlow.Step::job).containsExactlyElementsOf(NightlyFlow.NIGHT);
        assertThat(schedules.byName("weekly").steps()).containsExactly(
                new NightlyFlow.Step("report", Map.of("type", "WEEKLY")), new NightlyFlow.Step("deliver", Map.of("type", "WEEKLY")));
        assertThat(schedules.byName("monthly").steps()).extracting(s -> s.job() + s.parameters()).containsExactly(
                "report{type=SCORECARD}", "report{type=FUNNEL}", "deliver{type=SCORECARD}", "deliver{type=FUNNEL}",
                "backtest{months=12, calibrate=true}");
        // 01:30 in Shanghai on 1 November is 17:30 UTC on 31 October: the night of 31 October
        assertThat(schedules.businessDateOf(shanghai(2026, 11, 1, 1, 30))).isEqualTo(LocalDate.of(2026, 10, 31));
        // Monday 2 November 06:00: the week to Sunday 1 November
        assertThat(schedules.businessDateOf(shanghai(2026, 11, 2, 6, 0))).isEqualTo(LocalDate.of(2026, 11, 1));
        // 1 March 07:00: the last day of February
        assertThat(schedules.businessDateOf(shanghai(2027, 3, 1, 7, 0))).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void aFileWithoutATimeZoneRunsInTheCompanysZone() throws Exception {
        Path file = write("""
                schedules:
                  - name: nightly
                    cron: "0 30 1 * * ?"
                    flow: nightly
                """);

        assertThat(Schedules.load(file, ZoneId.of("Europe/Berlin")).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aZoneTheFileNamesWinsOverTheCompanys() throws Exception {
        Path file = write("""
                time-zone: Asia/Shanghai
                schedules:
                  - name: nightly
                    cron: "0 30 1 * * ?"
                    flow: nightly
                """);

        assertThat(Schedules.load(file, ZoneId.of("Europe/Berlin")).zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void aBadCronIsRefusedWithItsLine() throws Exception {
        Path file = write("""
                time-zone: Asia/Shanghai
                schedules:
                  - name: nightly
                    cron: "0 30 25 * * ?"
                    flow: nightly
                """);
        assertThatThrownBy(() -> Schedules.load(file, SHANGHAI)).isInstanceOf(com.kam.pipeline.system.ConfigException.class)
                .hasMessageStartingWith(file + ":4: schedule 'nightly': bad cron expression '0 30 25 * * ?'");
    }

    @Test
    void anUnknownJobTimeZoneOrSettingIsRefusedWithItsLine() throws Exception {
        Path unknownJob = write("""
                schedules:
                  - name: weekly
                    cron: "0 0 6 ? * MON"
                    jobs:
                      - job: reprot
                """);
        assertThatThrownBy(() -> Schedules.load(unknownJob, SHANGHAI)).hasMessage(unknownJob
                + ":5: schedule 'weekly': unknown job 'reprot'; jobs are [ingest, rollup, forecast, report, deliver, backtest]");

        Path zone = write("""
                time-zone: Asia/Peking
                schedules:
                  - name: nightly
                    cron: "0 30 1 * * ?"
                    flow: nightly
                """);
        assertThatThrownBy(() -> Schedules.load(zone, SHANGHAI)).hasMessageStartingWith(zone + ":1: unknown time-zone 'Asia/Peking'");

        Path setting = write("""
                schedules:
                  - name: nightly
                    cron: "0 30 1 * * ?"
                    flow: nightly
                    timezone: UTC
                """);
        assertThatThrownBy(() -> Schedules.load(setting, SHANGHAI)).hasMessageStartingWith(setting + ":5: unknown setting 'timezone'");

        Path both = write("""
                schedules:
                  - name: nightly
                    cron: "0 30 1 * * ?"
                """);
        assertThatThrownBy(() -> Schedules.load(both, SHANGHAI)).hasMessage(both
                + ":2: schedule 'nightly': give either 'flow: nightly' or a list of 'jobs'");
    }

    @Test
    void aWeeklyReportScheduleMustFireTheDayAfterTheRollupsWeekEnds() {
        Path shipped = Path.of("jobs/schedules.yml");
        // Monday 06:00 reports the week to Sunday: right for weeks from Monday
        Schedules schedules = Schedules.load(shipped, SHANGHAI);
        assertThat(schedules.requireWeeklyReportsOnWeekEnds(shipped, java.time.DayOfWeek.MONDAY)).isSameAs(schedules);
        // with weeks from Sunday, Sunday is a week's first day: the report would cover a day-old week
        assertThatThrownBy(() -> schedules.requireWeeklyReportsOnWeekEnds(shipped, java.time.DayOfWeek.SUNDAY))
                .isInstanceOf(com.kam.pipeline.system.ConfigException.class)
                .hasMessage(shipped + ":" + com.kam.pipeline.system.ConfigFile.lineHolding(shipped, "0 0 6 ? * MON", 0)
                        + ": schedule 'weekly' runs the weekly report for a SUNDAY (the day before it fires), but weeks"
                        + " start on SUNDAY in rollup.yml and end on a SATURDAY: make it fire on SUNDAYs");
    }

    @Test
    void aMistypedReportTypeAndAMonthlyReportOffTheMonthsEndAreRefusedWhenTheFileIsRead() throws Exception {
        Path typo = write("""
                schedules:
                  - name: weekly
                    cron: "0 0 6 ? * MON"
                    jobs:
                      - job: report
                        parameters: {type: WEEKY}
                """);
        assertThatThrownBy(() -> Schedules.load(typo, SHANGHAI)).hasMessage(typo + ":6: schedule 'weekly': unknown report type"
                + " 'WEEKY'; one of [SCORECARD, WEEKLY, FUNNEL, DIGEST]");
        // fired on the last day, a monthly report covers the day before: the 30th, not the month
        for (String cron : java.util.List.of("0 0 7 L * ?", "0 0 7 31 * ?", "0 0 7 2 * ?")) {
            Path offTheEnd = write("""
                    schedules:
                      - name: monthly
                        cron: "%s"
                        jobs:
                          - job: report
                            parameters: {type: SCORECARD}
                    """.formatted(cron));
            assertThatThrownBy(() -> Schedules.load(offTheEnd, SHANGHAI).requireWeeklyReportsOnWeekEnds(offTheEnd,
                    java.time.DayOfWeek.MONDAY)).isInstanceOf(com.kam.pipeline.system.ConfigException.class)
                    .hasMessageContaining("schedule 'monthly' runs the SCORECARD report for ")
                    .hasMessageEndingWith("(the day before it fires), not a month's last day: make it fire on the 1st of each month");
        }
        Path shipped = Path.of("jobs/schedules.yml");
        assertThat(Schedules.load(shipped, SHANGHAI).requireWeeklyReportsOnWeekEnds(shipped, java.time.DayOfWeek.MONDAY))
                .isNotNull();
    }

    private static Date shanghai(int year, int month, int day, int hour, int minute) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "schedules", ".yml");
        Files.writeString(file, text);
        return file;
    }
}
