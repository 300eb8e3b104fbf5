package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.SettableClock;
import com.kam.pipeline.support.SmallCompany;
import com.kam.pipeline.support.Tables;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * The nightly command as an operator reads it, on the small company, with the company's clock set
 * by the test: a night that lacks its daily inputs says so to the end (summary, mails, {@code kam
 * runs}), and a night for a day that has not ended is refused, or run as a trial that leaves the
 * real night to run. H2 and MariaDB subclasses.
 */
@SpringBootTest(properties = {"kam.cli.enabled=false", "kam.delivery.outbox=true"})
@Import(NightScenarios.Clocks.class)
abstract class NightScenarios {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final SettableClock CLOCK = new SettableClock();

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Path inbox;
    Path out;

    @BeforeEach
    void emptyDatabase() throws Exception {
        Tables.empty(jdbc);
        jdbc.update("DELETE FROM delivery_log_report");
        jdbc.update("DELETE FROM delivery_log");
        jdbc.update("DELETE FROM report_archive");
        inbox = work.resolve("inbox");
        out = work.resolve("out");
        // the afternoon of 2026-12-07 in the company, as in the night that mailed a day still in progress
        CLOCK.set(LocalDateTime.of(2026, 12, 7, 14, 57), SHANGHAI);
    }

    @AfterEach
    void systemClock() {
        CLOCK.reset();
    }

    @Test
    void aNightWithoutDailyReportsEndsWithItsWarningsAndItsDigestMailsAndRunsSaySo() throws Exception {
        smallCompanyInbox();
        Result monday = kam("nightly", "--date", "2026-05-11", "--inbox", inbox.toString(), "--out", out.toString());
        assertThat(monday.exitCode()).as(monday.err()).isZero();
        assertThat(monday.out()).doesNotContain("WARN:").doesNotContain("warning(s)");
        Files.delete(inbox.resolve("targets_adjustment.xlsx"));

        // Tuesday: the exports stopped
        Result tuesday = kam("nightly", "--date", "2026-05-12", "--inbox", inbox.toString(), "--out", out.toString());

        assertThat(tuesday.exitCode()).as(tuesday.err()).isZero();
        String noReports = "no daily report arrived for 2026-05-12, a working day (source daily-reports): the last came for"
                + " 2026-05-11. Is the daily report export still running?";
        String noPlans = "no visit plan arrived for 2026-05-12, a working day (source visit-plans): the last came for"
                + " 2026-05-11. Is the visit plan export still running?";
        String mails = "2 mail(s) of DIGEST 2026-05-12 say that no daily report arrived for 2026-05-12";
        assertThat(tuesday.out()).contains("ingest 2026-05-12: COMPLETED WITH WARNINGS\n", "WARN: " + noReports + "\n",
                "  WARN: " + mails + "\n");
        // the last lines of the night say it again, whatever scrolled by
        assertThat(tuesday.out()).endsWith("night of 2026-05-12 completed with 3 warning(s):\n  WARN: " + noReports + "\n  WARN: "
                + noPlans + "\n  WARN: " + mails + "\n");
        // each team lead's digest says it before anything else, in the lead's language
        assertThat(mailsOf("2026-05-12")).extracting(NightScenarios::subject).containsExactlyInAnyOrder(
                "[大客户管理] 销售日报摘要：2026-05-12（日报数据缺失）", "[KAM] Daily Sales Digest: 2026-05-12 (daily reports missing)");
        assertThat(mailsOf("2026-05-12")).extracting(NightScenarios::body).anySatisfy(body -> assertThat(body)
                .contains("Note: no daily report arrived for 2026-05-12 (working day(s) of this report). The report counts nothing"));
        // Monday's were ordinary
        assertThat(mailsOf("2026-05-11")).extracting(NightScenarios::subject).isNotEmpty()
                .allSatisfy(subject -> assertThat(subject).endsWith("2026-05-11"));

        Result runs = kam("runs", "--last", "10");
        assertThat(runs.out()).containsPattern("ingest +2026-05-12 COMPLETED! ")
                .containsPattern("deliver +2026-05-12 COMPLETED! ")
                .containsPattern("rollup +2026-05-12 COMPLETED ")
                .containsPattern("ingest +2026-05-11 COMPLETED ")
                .containsPattern("run [0-9]+ \\(ingest 2026-05-12\\) WARN: " + java.util.regex.Pattern.quote(noReports))
                .containsPattern("run [0-9]+ \\(deliver 2026-05-12\\) WARN: " + java.util.regex.Pattern.quote(mails));
    }

    @Test
    void theServicesHealthSaysHowTheLastNightWentAndStaysUp() throws Exception {
        // Actuator names it lastNight after its bean
        HealthIndicator lastNight = context.getBean("lastNightHealthIndicator", HealthIndicator.class);
        assertThat(lastNight.health().getDetails()).containsEntry("outcome", "NONE");
        smallCompanyInbox();
        assertThat(kam("nightly", "--date", "2026-05-11", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isZero();

        Health monday = lastNight.health();
        assertThat(monday.getStatus()).isEqualTo(Status.UP);
        assertThat(monday.getDetails()).containsEntry("night", "2026-05-11").containsEntry("outcome", "COMPLETED")
                .containsEntry("summary", "last night 2026-05-11 completed").doesNotContainKey("warnings");

        // Tuesday: the exports stopped; kam runs says COMPLETED!, and so does the health
        Files.delete(inbox.resolve("targets_adjustment.xlsx"));
        assertThat(kam("nightly", "--date", "2026-05-12", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isZero();

        Health tuesday = lastNight.health();
        assertThat(tuesday.getStatus()).isEqualTo(Status.UP);
        assertThat(tuesday.getDetails()).containsEntry("night", "2026-05-12").containsEntry("outcome", "COMPLETED_WARNINGS");
        assertThat((String) tuesday.getDetails().get("summary")).startsWith("last night 2026-05-12 completed with 3 warning(s):"
                + " no daily report arrived for 2026-05-12, a working day (source daily-reports)");
        assertThat((List<?>) tuesday.getDetails().get("warnings")).hasSize(3);

        // a trial of a later day is no night
        CLOCK.set(LocalDateTime.of(2026, 5, 13, 14, 0), SHANGHAI);
        kam("ingest", "--date", "2026-05-13", "--allow-future-date", "--inbox", inbox.toString(), "--out", out.toString());
        assertThat(lastNight.health().getDetails()).containsEntry("night", "2026-05-12");
    }

    @Test
    void nightsThatNeverRanAreNamedByTheNextAndByBackfill() throws Exception {
        smallCompanyInbox();
        assertThat(kam("nightly", "--date", "2026-05-11", "--inbox", inbox.toString(), "--out", out.toString()).exitCode()).isZero();
        Files.delete(inbox.resolve("targets_adjustment.xlsx"));

        // the service was down all week; Saturday's night is the first to run again
        Result saturday = kam("backfill", "--from", "2026-05-16", "--to", "2026-05-17", "--inbox", inbox.toString(), "--out",
                out.toString());

        assertThat(saturday.exitCode()).as(saturday.err()).isZero();
        String gap = "nights 2026-05-12..2026-05-15 never ran (the last night completed is 2026-05-11): their files, if any"
                + " come, load on this night or a later one as late data and their figures are recomputed, but the reports"
                + " due on them were neither rendered nor mailed; kam backfill --from 2026-05-12 --to 2026-05-15 runs them";
        assertThat(saturday.out()).contains("WARN: " + gap + "\n", "night of 2026-05-16 completed with 1 warning(s):\n  WARN: "
                + gap + "\n").containsPattern("backfill \\[1/2\\] 2026-05-16: done, with warnings \\(")
                // a Saturday and a Sunday are no working days: no input is missed on them
                .doesNotContain(", a working day (source");
        // but Sunday's weekly reports are of a week without daily reports from Tuesday on: their mails say so
        String weekly = "3 mail(s) of WEEKLY 2026-05-11..2026-05-17 say that no daily report arrived for 2026-05-12..2026-05-15";
        assertThat(saturday.out()).contains("night of 2026-05-17 completed with 1 warning(s):\n  WARN: " + weekly + "\n")
                .containsPattern("backfill \\[2/2\\] 2026-05-17: done, with warnings \\(");
        assertThat(mailsOf("2026-05-17")).hasSize(3).extracting(NightScenarios::body).allSatisfy(body -> assertThat(body)
                .containsAnyOf("注意：2026-05-12 至 2026-05-15（本报告期内的工作日）没有收到任何日报数据。",
                        "Note: no daily report arrived for 2026-05-12 to 2026-05-15 (working day(s) of this report)."));
        assertThat(kam("runs").out()).contains("(ingest 2026-05-16) WARN: " + gap);
    }

    @Test
    void aNightForTodayIsRefusedAndNothingIsRecorded() throws Exception {
        int executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        String refused = "--date 2026-12-07 is today (14:57 in Asia/Shanghai): a night is run for a day that has ended. Pass"
                + " --allow-future-date to run it anyway, as a trial: not recorded as the night of 2026-12-07 (which still runs"
                + " once the day has ended), and mailing nothing";
        for (String[] command : new String[][] {{"nightly", "--date", "2026-12-07"}, {"ingest", "--date", "2026-12-07"},
                {"report", "--date", "2026-12-07"}, {"deliver", "--date", "2026-12-07"}}) {
            Result result = kam(command);
            assertThat(result.exitCode()).as(command[0]).isEqualTo(KamCommand.BAD_USAGE);
            assertThat(result.err()).as(command[0]).startsWith(refused + System.lineSeparator());
        }
        Result backfill = kam("backfill", "--from", "2026-12-05", "--to", "2026-12-07");
        assertThat(backfill.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(backfill.err()).startsWith(refused.replace("--date", "--to"));
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isEqualTo(executions);
        // a trial never mails, even asked to
        Result deliver = kam("deliver", "--date", "2026-12-07", "--allow-future-date");
        assertThat(deliver.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(deliver.err()).startsWith("--date 2026-12-07 is today (14:57 in Asia/Shanghai): a night is run for a day that"
                + " has ended; a trial mails nothing: the reports of 2026-12-07 are mailed by its night");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isEqualTo(executions);
    }

    @Test
    void aTrialOfTodayMailsNothingAndLeavesTheRealNightToRun() throws Exception {
        smallCompanyInbox();
        // the afternoon of the small company's business date
        CLOCK.set(LocalDateTime.of(2026, 5, 11, 14, 57), SHANGHAI);

        Result trial = kam("nightly", "--date", "2026-05-11", "--allow-future-date", "--inbox", inbox.toString(), "--out",
                out.toString());

        assertThat(trial.exitCode()).as(trial.err()).isZero();
        assertThat(trial.out()).startsWith("2026-05-11 has not ended (Asia/Shanghai): a trial, whose runs are not recorded as"
                + " the night of 2026-05-11, which still runs once the day has ended; it mails nothing\n")
                .contains("report 2026-05-11: COMPLETED", "deliver 2026-05-11: not run: a trial mails nothing (its reports are in "
                        + out.resolve("2026-05-11").resolve("reports") + ")");
        assertThat(Files.list(out.resolve("2026-05-11").resolve("reports")).toList()).isNotEmpty();
        assertThat(out.resolve("outbox")).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM delivery_log")).isZero();
        assertThat(kam("runs").out()).containsPattern("ingest +2026-05-11 COMPLETED\\* ")
                .contains(") *: a trial of a day that had not ended (--allow-future-date), not the night of 2026-05-11");

        // the real night, at 01:30 the next morning, is not "already completed": it runs every job and mails
        CLOCK.set(LocalDateTime.of(2026, 5, 12, 1, 30), SHANGHAI);
        Result night = kam("nightly", "--date", "2026-05-11", "--inbox", inbox.toString(), "--out", out.toString());

        assertThat(night.exitCode()).as(night.err()).isZero();
        assertThat(night.out()).doesNotContain("has already completed").doesNotContain("trial")
                .contains("ingest 2026-05-11: COMPLETED", "rollup 2026-05-11: COMPLETED", "forecast 2026-05-11: COMPLETED",
                        "report 2026-05-11: COMPLETED", "deliver 2026-05-11: COMPLETED");
        // first mails, not corrections of mails the trial sent
        assertThat(mailsOf("2026-05-11")).isNotEmpty().extracting(NightScenarios::subject)
                .allSatisfy(subject -> assertThat(subject).endsWith("2026-05-11"));
        // now it is the night of 2026-05-11
        assertThat(kam("nightly", "--date", "2026-05-11", "--inbox", inbox.toString(), "--out", out.toString()).out())
                .contains("ingest for 2026-05-11 has already completed", "deliver for 2026-05-11 has already completed");
    }

    /** The small company's drop for 2026-05-11, with the day's visit plans. */
    void smallCompanyInbox() throws Exception {
        SmallCompany.writeInbox(inbox);
        Files.writeString(inbox.resolve("visit_plans_2026-05-11.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-05-11,C001,订货,09:30,上海
                """);
    }

    Result kam(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = KamCommandLine.create(context);
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int code = cli.execute(args);
        return new Result(code, stdout.toString(), stderr.toString());
    }

    /** The mails written to the outbox for reports of a day. */
    List<MimeMessage> mailsOf(String day) throws Exception {
        if (!Files.isDirectory(out.resolve("outbox"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out.resolve("outbox"))) {
            return files.sorted().map(NightScenarios::read).filter(m -> subject(m).contains(day)).toList();
        }
    }

    private static MimeMessage read(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(null, in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                collect(parts.getBodyPart(i), text);
            }
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(jakarta.mail.Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                collect(multi.getBodyPart(i), text);
            }
        }
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
