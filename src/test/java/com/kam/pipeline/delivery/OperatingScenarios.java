package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.RunGuard;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * The command line as an operator uses it: nightly, deliver, runs, resend and backfill, with
 * their output and exit codes, on a real SMTP server. H2 and MariaDB subclasses.
 */
abstract class OperatingScenarios extends DeliveryTestBase {

    static final Path DISTRIBUTION = tempCopy("distribution");
    static final Path FORECAST_SETTINGS = tempCopy("forecast");
    /** The report templates, copied before each test so that a test can take them away. */
    static final Path TEMPLATES = templatesCopy();

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    static void distributionFile(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("kam.delivery.distribution", DISTRIBUTION::toString);
        registry.add("kam.forecast.config", FORECAST_SETTINGS::toString);
        registry.add("kam.report.templates", TEMPLATES::toString);
    }

    @BeforeEach
    void goodDistributionFile() throws Exception {
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("report-templates"), TEMPLATES);
        Files.copy(Path.of("jobs/distribution.yml"), DISTRIBUTION, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("jobs/forecast.yml"), FORECAST_SETTINGS, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Result kam(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = com.kam.pipeline.system.KamCommandLine.create(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void nightlyRunsTheJobsOfTheBuildInOrderAndDeliversWhatWasArchived() throws Exception {
        archiveRegion("SOUTH");
        // the archived reports' mails, and the whole company's funnel report the night renders from its own
        // forecast run (of no deals here) for the sales director
        int mails = asMailboxes(expectedMailboxes(SampleOrg.read(jdbc).inRegion("SOUTH"))).values().stream()
                .mapToInt(java.util.List::size).sum() + 1;

        Result night = kam("nightly", "--date", BUSINESS_DATE.toString(), "--inbox", work.resolve("inbox").toString(),
                "--out", work.resolve("out").toString());

        assertThat(night.exitCode()).as(night.err()).isEqualTo(KamCommand.DONE);
        // the org was ingested for this date before the test: the flow skips the completed ingest and carries on
        assertThat(night.out()).contains("ingest for " + BUSINESS_DATE + " has already completed");
        assertThat(night.out().indexOf("deliver " + BUSINESS_DATE + ": COMPLETED")).isPositive();
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        String director = jdbc.queryForObject("SELECT MIN(email) FROM org_assignment WHERE role = 'DIRECTOR'", String.class);
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress().equals(director);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).contains("月度销售漏斗与预测");
            // addressed with the name the organisation file gives, as a mail client shows it
            assertThat(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getPersonal()).isEqualTo(
                    jdbc.queryForObject("SELECT MIN(name) FROM org_assignment WHERE email = ?", String.class, director));
            assertThat(m.getHeader("To")[0]).startsWith("=?UTF-8?");
        });
        // what Actuator shows under `kam serve`
        assertThat(meters.get("kam.mail.sent").tag("type", "SCORECARD").counter().count()).isPositive();
        assertThat(meters.get("kam.job.duration").tag("job", "deliver").tag("status", "COMPLETED").timer().count()).isPositive();

        Result runs = kam("runs", "--last", "5");
        assertThat(runs.exitCode()).isZero();
        // the archived digests and weekly reports are of days no daily report came for (only the org is loaded): their
        // mails say so, and the run is marked as having completed with warnings
        assertThat(runs.out()).containsPattern("deliver +2026-10-31 +COMPLETED! +[0-9.]+ s +- .* " + mails + "\\s*\\n")
                .containsPattern("run [0-9]+ \\(deliver 2026-10-31\\) WARN: [0-9]+ mail\\(s\\) of DIGEST 2026-10-30 say that no"
                        + " daily report arrived for 2026-10-30\\n")
                .containsPattern("ingest +2026-10-31 +COMPLETED +[0-9.]+ s +44 +44 +0 +0 ")
                // a report job's entities with nothing to report are not rejections
                .containsPattern("report +2026-10-31 +COMPLETED +[0-9.]+ s +[0-9]+ +[0-9]+ +- +- +[0-9]+ ");

        // a later report run for the same date counts its own PDFs, not the date's
        int archived = count("SELECT COUNT(*) FROM report_archive WHERE business_date = '2026-10-31'");
        assertThat(archived).isPositive();
        assertThat(kam("report", "--date", BUSINESS_DATE.toString(), "--type", "DIGEST").exitCode()).isZero();
        String digestRun = kam("runs", "--last", "1").out().lines().skip(1).findFirst().orElseThrow();
        assertThat(digestRun).containsPattern("^[0-9]+ +report +2026-10-31 +COMPLETED .* +0 +-$");

        long reportId = jdbc.queryForObject("SELECT MIN(id) FROM report_archive", Long.class);
        Result resend = kam("resend", "--report", Long.toString(reportId), "--to", "auditor@example.com");
        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 1);
        assertThat(((jakarta.mail.internet.InternetAddress) smtp.getReceivedMessages()[mails].getAllRecipients()[0]).getAddress()).isEqualTo("auditor@example.com");
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE kind = 'RESEND' AND status = 'SENT'")).isEqualTo(1);

        assertThat(kam("resend", "--report", "999999", "--to", "auditor@example.com").exitCode()).isEqualTo(KamCommand.BAD_USAGE);
    }

    @Test
    void aFailedJobStopsTheLaterJobsOfTheFlowAndExitsOne() throws Exception {
        archiveRegion("SOUTH");
        smtp.stop();

        Result backfill = kam("backfill", "--from", BUSINESS_DATE.minusDays(1).toString(), "--to", BUSINESS_DATE.toString(),
                "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());

        // the first night's digests cannot be mailed: its deliver fails, and the backfill stops there
        assertThat(backfill.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(backfill.out()).contains("deliver 2026-10-30: FAILED").contains("backfill [1/2] 2026-10-30: FAILED")
                .doesNotContain("[2/2]");

        // (the type in any case, as `kam report` reads it)
        Result deliver = kam("deliver", "--date", BUSINESS_DATE.toString(), "--type", "scorecard", "--out",
                work.resolve("out").toString());
        assertThat(deliver.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(deliver.out()).contains("FAILED").contains("Couldn't connect to host");
        assertThat(kam("deliver", "--date", BUSINESS_DATE.toString(), "--type", "weakly").err())
                .isEqualTo("unknown report type 'weakly'; one of [SCORECARD, WEEKLY, FUNNEL, DIGEST]" + System.lineSeparator());
    }

    @Test
    void aMailServerThatAcceptsAndNeverAnswersFailsTheRunInBoundedTime() throws Exception {
        archiveRegion("SOUTH");
        smtp.stop();
        try (ServerSocket silent = new ServerSocket(SMTP_PORT, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // and never a greeting
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();

            Result deliver = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> kam("deliver", "--date", BUSINESS_DATE.toString(), "--out", work.resolve("out").toString()));
            Result check = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> kam("check"));

            // 3 attempts of 2 s (kam.delivery.smtp-timeout) for the first mail, then the run gives up
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(40));
            assertThat(deliver.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
            assertThat(deliver.out()).contains("deliver " + BUSINESS_DATE + ": FAILED")
                    .containsPattern("mail server 127.0.0.1:" + SMTP_PORT + " unreachable after 3 attempt\\(s\\) \\(no answer"
                            + " within 2 s \\(kam.delivery.smtp-timeout\\)\\): [0-9]+ mail\\(s\\) not sent; run deliver again"
                            + " when it is back");
            assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status <> 'FAILED'")).isZero();
            assertThat(check.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
            assertThat(check.out()).contains("BAD  mail: smtp://127.0.0.1:" + SMTP_PORT + " unreachable: no answer within 2 s");
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aMailThatFailsEndsTheRunFailedWithoutAStackTraceBuryingTheSummary(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        archiveRegion("NORTH");
        jdbc.update("UPDATE org_assignment SET email = 'zhang ping@@example' WHERE employee_id = 'E00018'");

        Result deliver = kam("deliver", "--date", BUSINESS_DATE.toString(), "--out", work.resolve("out").toString());

        assertThat(deliver.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(deliver.out()).contains("deliver " + BUSINESS_DATE + ": FAILED").contains("FAILED zhang ping@@example SCORECARD");
        assertThat(output.getAll()).contains("mail(s) not delivered (listed in the run summary)").doesNotContain("\tat ");
    }

    @Test
    void resendListShowsTheArchivedReportsIdsAndWhomTheyWereMailedTo() throws Exception {
        archiveRegion("NORTH");
        assertThat(kam("deliver", "--date", BUSINESS_DATE.toString(), "--out", work.resolve("out").toString()).exitCode()).isZero();
        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE report_type = 'SCORECARD' AND entity_id = 'E00018'"
                + " AND period_start = '2026-09-01' AND language = 'en'", Long.class);
        long zh = jdbc.queryForObject("SELECT id FROM report_archive WHERE report_type = 'SCORECARD' AND entity_id = 'E00018'"
                + " AND period_start = '2026-09-01' AND language = 'zh'", Long.class);
        int archived = count("SELECT COUNT(*) FROM report_archive");

        Result listed = kam("resend", "--list", "--date", BUSINESS_DATE.toString());

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines()).hasSize(archived + 1).first().asString()
                .isEqualTo(archived + " report(s) archived for 2026-10-31 (id, type, entity, period, language, file, mailed to):");
        String line = listed.out().lines().filter(l -> l.trim().startsWith(id + " ")).findFirst().orElseThrow();
        assertThat(line).contains("SCORECARD", "REP", "E00018", "2026-09-01..2026-09-30", " en ",
                "scorecard_E00018_2026-09-01_en.pdf", "mailed to ").contains("zhang.ping@example.com", "ma.si@example.com");
        assertThat(listed.out().lines().filter(l -> l.trim().startsWith(zh + " ")).findFirst().orElseThrow())
                .doesNotContain("zhang.ping@example.com");
        assertThat(kam("resend", "--help").out()).contains("kam resend --list --date D").doesNotContain("kam runs");
        Result noTo = kam("resend", "--report", Long.toString(id));
        assertThat(noTo.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(noTo.err()).contains("kam resend --list --date D shows the ids");
    }

    @Test
    void aMalformedDistributionFileIsRefusedWithFileLineAndReasonBeforeAnyJobRuns() throws Exception {
        Files.writeString(DISTRIBUTION, """
                rules:
                  - report-type: SCORECARD
                    entity-type: REP
                    to: [self, grandboss]
                """);
        jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT");
        int executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

        Result night = kam("nightly", "--date", "2026-10-30", "--inbox", work.resolve("inbox").toString());
        Result deliver = kam("deliver", "--date", "2026-10-30");

        assertThat(night.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(night.err()).contains(DISTRIBUTION + ":4: rule 1: unknown recipient 'grandboss'; expected one of self,"
                + " manager-chain, team-lead, region-manager, director");
        assertThat(deliver.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(deliver.err()).contains(DISTRIBUTION + ":4:");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithoutAStackTrace() throws Exception {
        Path file = work.resolve("a-file");
        Files.writeString(file, "not a folder");

        Result result = kam("generate", "--reps", "2", "--months", "1", "--out", file.resolve("sample").toString());

        assertThat(result.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(result.err()).startsWith("cannot read or write a file: " + file).doesNotContain("\tat ");
    }

    @Test
    void checkReadsEveryFileAnOperatorEditsAndNamesTheBadOnes() throws Exception {
        Result good = kam("check");
        assertThat(good.exitCode()).as(good.out()).isZero();
        assertThat(good.out().lines()).hasSize(9);
        assertThat(good.out().lines().limit(8)).allMatch(line -> line.startsWith("ok   "));
        assertThat(good.out()).startsWith("ok   database: schema at V")
                .containsPattern("ok   bulk load: (MariaDB allows LOAD DATA LOCAL INFILE|batched INSERTs)")
                .contains("ok   report templates: compiled, labels for ").contains("7 sources in ")
                .contains("ok   inbox: ")
                .contains("ok   mail: smtp://127.0.0.1:" + SMTP_PORT + " answers and accepts the login");
        // a real server, and still the demo's sender: worth a warning, not a refusal
        assertThat(good.out().lines().toList().get(8)).isEqualTo("WARN mail: kam.delivery.from is still the built-in default"
                + " kam-pipeline@localhost: set it (KAM_DELIVERY_FROM) to an address of your mail domain that may send, e.g."
                + " kam-reports@your-company.com; mail from @localhost is often refused or filed as spam, and replies reach nobody");

        Files.writeString(DISTRIBUTION, "rules:\n  - report-type: SCORECARD\n    entity-type: REP\n    to: [self, grandboss]\n");
        Result bad = kam("check");
        assertThat(bad.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(bad.out()).contains("BAD  rollup, appraisal, forecast and distribution settings: " + DISTRIBUTION
                + ":4: rule 1: unknown recipient 'grandboss'").contains("ok   report templates");
    }

    @Test
    void checkWarnsOfManagerIdsThatNameNobodyAndStillExitsZero() {
        // 谭昊昊 (E00002) left EAST and the org file no longer lists her; her team leads still name her
        jdbc.update("DELETE FROM org_assignment WHERE employee_id = 'E00002'");

        Result check = kam("check");

        assertThat(check.exitCode()).as(check.out()).isZero();
        String tail = "; deliver sends no report there, nor to anyone in its place";
        assertThat(check.out().lines().filter(line -> line.startsWith("WARN org: "))).containsExactly(
                "WARN org: team T001's lead 林瑞秀 (E00005) names manager E00002, who is not in the org file" + tail,
                "WARN org: team T004's lead 陈斌 (E00008) names manager E00002, who is not in the org file" + tail,
                "WARN org: team T007's lead 宋婷 (E00011) names manager E00002, who is not in the org file" + tail,
                "WARN org: region EAST has no manager (role REGION_MANAGER) in the organisation on " + clock.today() + tail);
    }

    @Autowired
    com.kam.pipeline.system.CompanyClock clock;

    @Test
    void aMissingSettingsFileStopsEveryCommandThatReadsItWithExitCode2() throws Exception {
        Files.delete(FORECAST_SETTINGS);

        for (String[] command : java.util.List.of(new String[] {"forecast", "--date", BUSINESS_DATE.toString()},
                new String[] {"backtest", "--from", "2026-06", "--to", "2026-09"})) {
            Result result = kam(command);
            assertThat(result.exitCode()).as(command[0]).isEqualTo(KamCommand.BAD_USAGE);
            assertThat(result.err()).as(command[0]).isEqualTo("bad configuration: " + FORECAST_SETTINGS + ": file not found"
                    + System.lineSeparator());
        }
    }

    @Test
    void aReportNoDistributionRuleCoversIsNamedWithTheRuleItLacks() throws Exception {
        // an operator's own distribution.yml, written before the company report existed
        Files.writeString(DISTRIBUTION, Files.readString(DISTRIBUTION).replaceAll("(?s)  - report-type: \"\\*\"\\s+# the whole"
                + " company's.*?to: \\[director\\]\\n", ""));
        assertThat(Files.readString(DISTRIBUTION)).doesNotContain("entity-type: COMPANY");

        Result night = kam("nightly", "--date", BUSINESS_DATE.toString(), "--inbox", work.resolve("inbox").toString(),
                "--out", work.resolve("out").toString());

        assertThat(night.exitCode()).as(night.err()).isEqualTo(KamCommand.DONE);
        assertThat(night.out()).contains("WARN: funnel report of the whole company 2026-10-01..2026-10-31: not sent: no rule in"
                + " distribution.yml for report-type FUNNEL and entity-type COMPANY");
    }

    @Test
    void aMistypedBusinessDateOrOneAfterTodayIsRefusedBeforeAnyJobStarts() throws Exception {
        int executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        Result dayFirst = kam("rollup", "--date", "31/10/2026");
        assertThat(dayFirst.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(dayFirst.err()).startsWith("Invalid value for option '--date': '31/10/2026' is not a date: write it as"
                + " yyyy-MM-dd, e.g. 2026-10-31");
        assertThat(kam("nightly", "--date", "2026-13-01").err()).startsWith("Invalid value for option '--date': '2026-13-01' is"
                + " not a date (Invalid value for MonthOfYear (valid values 1 - 12): 13)");
        // a mistyped year: a night of empty days would tell every team lead that nobody reported
        String future = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        String[][] commands = {{"nightly", "--date", future}, {"ingest", "--date", future},
                {"backfill", "--from", BUSINESS_DATE.plusDays(1).toString(), "--to", future}};
        for (String[] command : commands) {
            Result result = kam(command);
            assertThat(result.exitCode()).as(command[0]).isEqualTo(KamCommand.BAD_USAGE);
            assertThat(result.err()).as(command[0]).startsWith(command[command.length - 2] + " " + future + " is after today (")
                    .contains("a night is run for a day that has ended. Pass --allow-future-date to run it anyway");
        }
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isEqualTo(executions);
    }

    @Test
    void aNightWhoseReportTemplatesAreMissingIsRefusedBeforeItStartsAnyJob() throws Exception {
        int executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        Path away = TEMPLATES.resolveSibling(TEMPLATES.getFileName() + "-away");
        Files.move(TEMPLATES, away);
        try {
            Result night = kam("nightly", "--date", BUSINESS_DATE.plusDays(1).toString(), "--inbox",
                    work.resolve("inbox").toString(), "--out", work.resolve("out").toString());

            assertThat(night.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
            assertThat(night.err()).isEqualTo("bad configuration: " + TEMPLATES.toAbsolutePath() + ": the report templates folder"
                    + " does not exist; run kam in the folder that holds report-templates/, or set kam.report.templates"
                    + " (KAM_REPORT_TEMPLATES) to where they are" + System.lineSeparator());
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isEqualTo(executions);
        } finally {
            Files.move(away, TEMPLATES);
        }
        Files.delete(TEMPLATES.resolve(com.kam.pipeline.report.ReportType.WEEKLY.template()));
        Result night = kam("nightly", "--date", BUSINESS_DATE.plusDays(1).toString(), "--inbox", work.resolve("inbox").toString(),
                "--out", work.resolve("out").toString());
        assertThat(night.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(night.err()).contains(": report template team-weekly.jrxml is missing");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isEqualTo(executions);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aCommandAfterTheFirstPrintsNoWarningAboutTheRunGuardsLockRow(
            org.springframework.boot.test.system.CapturedOutput output) {
        String date = BUSINESS_DATE.toString();
        kam("rollup", "--date", date);
        assertThat(count("SELECT COUNT(*) FROM run_lock")).as("the lock row is there for the next command").isEqualTo(1);

        Result again = kam("rollup", "--date", date);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(output.getAll()).doesNotContain("Duplicate entry").doesNotContain("WARN");
    }

    @Test
    void aRunThatChangesDataWaitsItsTurnAndSaysWhichRunHoldsThePipeline() throws Exception {
        RunGuard guard = context.getBean(RunGuard.class);
        int executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        String date = BUSINESS_DATE.toString();
        try (RunGuard.Held night = guard.hold("kam nightly --date " + date)) {
            for (String[] command : java.util.List.of(new String[] {"rollup", "--date", date},
                    new String[] {"report", "--date", date, "--type", "SCORECARD"}, new String[] {"resend", "--report", "1",
                            "--to", "auditor@example.com"})) {
                Result refused = kam(command);
                assertThat(refused.exitCode()).as(command[0]).isEqualTo(KamCommand.JOB_FAILED);
                assertThat(refused.err()).as(command[0]).startsWith("another run holds the pipeline: kam nightly --date " + date
                        + " (process " + ProcessHandle.current().pid() + " on ").contains(", started ")
                        .contains("Nothing was done; run this again when it has finished");
            }
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isEqualTo(executions);
            assertThat(smtp.getReceivedMessages()).isEmpty();
            // reading is never held up, nor is asking for help; runs says what is running
            Result runs = kam("runs");
            assertThat(runs.exitCode()).isZero();
            assertThat(runs.out()).contains("running now: kam nightly --date " + date + " (process ");
            assertThat(kam("rollup", "--help").exitCode()).isZero();
        }
        assertThat(kam("runs").out()).doesNotContain("running now");
        Result after = kam("rollup", "--date", date);
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions + 1);

        // a run killed outright (kill -9, power loss) on another machine frees the pipeline when its lease runs out
        jdbc.update("UPDATE run_lock SET lock_until = '2100-01-01 00:00:00',"
                + " locked_by = 'kam backfill (process 1 on batch-host-2, started 2026-11-01 01:30:00 Asia/Shanghai)'");
        assertThat(kam("rollup", "--date", date, "--force").err()).startsWith("another run holds the pipeline: kam backfill");
        jdbc.update("UPDATE run_lock SET lock_until = '2000-01-01 00:00:00'");
        Result taken = kam("rollup", "--date", date, "--force");
        assertThat(taken.exitCode()).as(taken.err()).isZero();

        // on this machine, a process that is gone frees it at once
        Process killed = new ProcessBuilder("true").start();
        killed.waitFor();
        jdbc.update("UPDATE run_lock SET lock_until = '2100-01-01 00:00:00', locked_by = ?", "kam nightly --date " + date
                + " (process " + killed.pid() + " on " + java.net.InetAddress.getLocalHost().getHostName()
                + ", started 2026-11-01 01:30:00 Asia/Shanghai)");
        assertThat(kam("runs").out()).doesNotContain("running now").contains("not running: the pipeline is still held by a"
                + " run whose process has ended (killed?); the next command takes it over: kam nightly --date " + date);
        Result afterKill = kam("rollup", "--date", date, "--force");
        assertThat(afterKill.exitCode()).as(afterKill.err()).isZero();
    }

    @Test
    void aJobLeftStartedByAnotherMachineThatDiedIsRestartedByTheNextRunThatHoldsThePipeline() throws Exception {
        String date = BUSINESS_DATE.toString();
        assertThat(kam("rollup", "--date", date).exitCode()).isZero();
        // as if the rollup had been running on another machine, which then lost power
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                + " WHERE JOB_INSTANCE_ID = (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'rollup')");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                + " WHERE STEP_NAME LIKE 'rollup%'");
        jdbc.update("UPDATE BATCH_JOB_EXECUTION_PARAMS SET PARAMETER_VALUE = '4711@batch-host-that-died'"
                + " WHERE PARAMETER_NAME = 'owner'");

        // this process holds the pipeline, so no other runs anything: the other machine's run is dead
        Result again = kam("rollup", "--date", date);

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(jdbc.queryForList("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'rollup' ORDER BY e.JOB_EXECUTION_ID", String.class))
                .containsExactly("FAILED", "COMPLETED");
    }

    /** A folder for the templates, filled before each test. */
    private static Path templatesCopy() {
        try {
            return Files.createTempDirectory("report-templates");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempCopy(String name) {
        try {
            Path file = Files.createTempFile(name, ".yml");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
