package com.kam.pipeline.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.support.Tables;
import com.kam.pipeline.system.JobRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Spring context on the subclass's database, with the sample organisation loaded by the real
 * ingest and a real SMTP server (GreenMail) on a fixed port, so a test can take it down and up.
 */
@SpringBootTest(properties = {"kam.cli.enabled=false", "kam.delivery.retry.attempts=3", "kam.delivery.retry.delay=20ms",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=5000"})
abstract class DeliveryTestBase {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 10, 31);
    static final int SMTP_PORT = freePort();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IngestService ingest;

    @Autowired
    JobRunner runner;

    @Autowired
    @Qualifier("deliverJob")
    Job deliverJob;

    @TempDir
    Path work;

    GreenMail smtp;
    ArchiveFixture archive;

    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void sampleOrganisation() throws Exception {
        Tables.empty(jdbc);
        jdbc.update("DELETE FROM delivery_log");
        jdbc.update("DELETE FROM report_archive");
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(Path.of("sample-data/org.csv"), inbox.resolve("org.csv"));
        IngestService.Result loaded = ingest.ingest(BUSINESS_DATE, false, inbox, work.resolve("out"));
        if (!loaded.succeeded() || loaded.summary().totalRejected() > 0) {
            throw new IllegalStateException("the sample org file did not load cleanly: " + loaded.summary().format());
        }
        archive = new ArchiveFixture(jdbc, work.resolve("out").resolve(BUSINESS_DATE.toString()).resolve("reports"), BUSINESS_DATE);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    JobExecution deliver(boolean force) throws Exception {
        return runner.run(deliverJob, BUSINESS_DATE, force, Map.of("out", work.resolve("out").toString()));
    }

    String summaryOf(JobExecution execution) {
        return execution.getExecutionContext().getString(DeliveryJobConfiguration.SUMMARY, "");
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
