package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.KamPipelineApplication;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine;

/**
 * Where mails go as an administrator sets it up, each setup a process of its own on one database:
 * this class's context has neither an SMTP server nor the outbox (a shell without SPRING_MAIL_*),
 * and deliveries fail, saying what to set; the outbox, chosen for a dry run on a machine whose
 * server is set, writes .eml files its owner alone reads and sends nothing; a later run with the
 * server mails what the outbox had, once. H2 and MariaDB subclasses.
 */
abstract class MailSetupScenarios extends DeliveryTestBase {

    private static final String SENDER = "kam-reports@example.com";
    private static final List<ConfigurableApplicationContext> STARTED = new ArrayList<>();
    private static ConfigurableApplicationContext smtpProcess;
    private static ConfigurableApplicationContext outboxProcess;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void withNeitherAnSmtpServerNorTheOutboxANightMailsNobodyAndSaysWhatToSet() throws Exception {
        archiveRegion("SOUTH");
        // the archived reports' mails, and the company's funnel report the night renders for the sales director
        int mails = asMailboxes(expectedMailboxes(SampleOrg.read(jdbc).inRegion("SOUTH"))).values().stream()
                .mapToInt(List::size).sum() + 1;
        Path out = work.resolve("out");
        String missing = "nothing delivered: no SMTP server is configured: set spring.mail.host (SPRING_MAIL_HOST, with"
                + " SPRING_MAIL_PORT, SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD) to mail the reports, or, for a dry run,"
                + " kam.delivery.outbox=true (KAM_DELIVERY_OUTBOX=true) to write them to " + out.resolve("outbox")
                + " as .eml files instead of sending them; then run deliver again for the date";

        Result night = kam(context, "nightly", "--date", BUSINESS_DATE.toString(), "--inbox", work.resolve("inbox").toString(),
                "--out", out.toString());

        assertThat(night.exitCode()).as(night.out() + night.err()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(night.out()).containsPattern("report 2026-10-31: COMPLETED")
                .containsPattern("deliver 2026-10-31: FAILED \\([0-9.]+ s\\)\\R  " + java.util.regex.Pattern.quote(missing));
        Result deliver = kam(context, "deliver", "--date", BUSINESS_DATE.toString(), "--out", out.toString());
        assertThat(deliver.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(deliver.out()).isEqualTo("deliver 2026-10-31: FAILED" + System.lineSeparator() + "  " + missing
                + System.lineSeparator());
        long reportId = jdbc.queryForObject("SELECT MIN(id) FROM report_archive", Long.class);
        Result resend = kam(context, "resend", "--report", Long.toString(reportId), "--to", "auditor@example.com");
        assertThat(resend.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(resend.err()).startsWith("report " + reportId + " not sent to auditor@example.com: no SMTP server is"
                + " configured: set spring.mail.host");
        assertThat(count("SELECT COUNT(*) FROM delivery_log")).as("nothing tried, nothing logged").isZero();
        assertThat(out.resolve("outbox")).doesNotExist();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // the administrator sets the server: the failed deliver runs again, without --force, and mails everyone once
        Result fixed = kam(smtpProcess(), "deliver", "--date", BUSINESS_DATE.toString(), "--out", out.toString());

        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains(mails + " delivered to smtp://127.0.0.1:" + SMTP_PORT + ", 0 already delivered"
                + " earlier, 0 failed");
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'SENT'")).isEqualTo(mails);
    }

    @Test
    void mailsWrittenToTheOutboxForADryRunGoToTheirRecipientsOnceAServerIsUsed() throws Exception {
        SampleOrg org = archiveRegion("NORTH");
        var expected = asMailboxes(expectedMailboxes(org));
        int mails = expected.values().stream().mapToInt(List::size).sum();
        Path out = work.resolve("out");
        Path outbox = out.resolve("outbox");
        String date = BUSINESS_DATE.toString();

        // a dry run on the production machine: its server is set, the outbox keeps every mail from it
        Result dryRun = kam(outboxProcess(), "deliver", "--date", date, "--out", out.toString());

        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains(mails + " written to the outbox " + outbox + " (kam.delivery.outbox: not mailed),"
                + " 0 already sent or written earlier, 0 failed");
        assertThat(smtp.getReceivedMessages()).as("the dry run sends nothing").isEmpty();
        List<Path> written = emlFiles(outbox);
        assertThat(written).hasSize(mails);
        // sales figures: the owner's only
        assertThat(Files.getPosixFilePermissions(outbox)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (Path file : written) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'WRITTEN'")).isEqualTo(mails);
        assertThat(kam(outboxProcess(), "resend", "--list", "--date", date).out()).contains("only in the outbox for ")
                .doesNotContain("mailed to ");

        // with the server: what was only written goes now, each mail once
        Result sent = kam(smtpProcess(), "deliver", "--date", date, "--out", out.toString(), "--force");

        assertThat(sent.exitCode()).as(sent.out() + sent.err()).isZero();
        assertThat(sent.out()).contains(mails + " delivered to smtp://127.0.0.1:" + SMTP_PORT + " (" + mails + " of them only"
                + " written to the outbox before), 0 already delivered earlier, 0 failed");
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(unordered(mailboxes())).isEqualTo(unordered(expected));
        assertThat(smtp.getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo(SENDER);
        // one row per mail still: now SENT, keeping where its .eml was written
        assertThat(count("SELECT COUNT(*) FROM delivery_log")).isEqualTo(mails);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'SENT' AND outbox_file IS NOT NULL")).isEqualTo(mails);
        Result listed = kam(smtpProcess(), "resend", "--list", "--date", date);
        assertThat(listed.out()).contains("mailed to ").doesNotContain("only in the outbox");

        // reruns send nothing more, by the server or to the outbox
        Result rerun = kam(smtpProcess(), "deliver", "--date", date, "--out", out.toString(), "--force");
        assertThat(rerun.out()).contains("0 delivered to smtp://127.0.0.1:" + SMTP_PORT + ", " + mails + " already delivered"
                + " earlier, 0 failed");
        Result dryAgain = kam(outboxProcess(), "deliver", "--date", date, "--out", out.toString(), "--force");
        assertThat(dryAgain.out()).contains("0 written to the outbox " + outbox + " (kam.delivery.outbox: not mailed), " + mails
                + " already sent or written earlier");
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(emlFiles(outbox)).isEqualTo(written);
    }

    @Test
    void checkCallsTheMissingServerBadAndWarnsOfAServerTheOutboxKeepsMailsFrom() throws Exception {
        Result bare = kam(context, "check");
        assertThat(bare.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(bare.out()).contains("BAD  mail: no SMTP server is configured: set spring.mail.host (SPRING_MAIL_HOST,")
                .contains("or, for a dry run, kam.delivery.outbox=true (KAM_DELIVERY_OUTBOX=true) to write them to ")
                .doesNotContain("WARN");

        Result dryRun = kam(outboxProcess(), "check");
        assertThat(dryRun.exitCode()).as(dryRun.out()).isZero();
        assertThat(dryRun.out()).containsPattern("ok   mail: kam.delivery.outbox is on: mails are written to \\S+outbox as .eml"
                + " files and sent to nobody").endsWith("WARN mail: spring.mail.host is set (smtp://127.0.0.1:" + SMTP_PORT
                + "), but kam.delivery.outbox is on: no mail is sent to it; set kam.delivery.outbox=false (KAM_DELIVERY_OUTBOX)"
                + " to mail the reports" + System.lineSeparator());

        Result production = kam(smtpProcess(), "check");
        assertThat(production.exitCode()).as(production.out()).isZero();
        assertThat(production.out()).contains("ok   mail: smtp://127.0.0.1:" + SMTP_PORT + " answers and accepts the login")
                .doesNotContain("WARN");
    }

    /** The product started with the server set and a sender of the company's domain. */
    private ConfigurableApplicationContext smtpProcess() {
        if (smtpProcess == null) {
            smtpProcess = process("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT, "kam.delivery.from=" + SENDER);
        }
        return smtpProcess;
    }

    /** The product started with the server set and the outbox chosen (KAM_DELIVERY_OUTBOX=true). */
    private ConfigurableApplicationContext outboxProcess() {
        if (outboxProcess == null) {
            outboxProcess = process("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT, "kam.delivery.outbox=true");
        }
        return outboxProcess;
    }

    /** Another process of the product on this test's database, as DeliveryTestBase sets one up, with {@code settings}. */
    private ConfigurableApplicationContext process(String... settings) {
        List<String> properties = new ArrayList<>(List.of("kam.cli.enabled=false", "kam.delivery.retry.attempts=3",
                "kam.delivery.retry.delay=20ms", "kam.delivery.smtp-timeout=2s"));
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
            properties.add(name + "=" + environment.getProperty(name, ""));
        }
        properties.addAll(List.of(settings));
        // as command-line arguments: above application.yml, as the environment variables they stand for are
        ConfigurableApplicationContext started = new SpringApplicationBuilder(KamPipelineApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        STARTED.add(started);
        return started;
    }

    @AfterAll
    static void stopProcesses() {
        STARTED.forEach(ConfigurableApplicationContext::close);
        STARTED.clear();
        smtpProcess = null;
        outboxProcess = null;
    }

    static Result kam(ApplicationContext process, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KamCommandLine.create(process);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<Path> emlFiles(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.sorted().toList();
        }
    }
}
