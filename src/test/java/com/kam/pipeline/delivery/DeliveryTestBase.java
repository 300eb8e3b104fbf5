package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.support.Tables;
import com.kam.pipeline.system.JobRunner;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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
        "kam.delivery.smtp-timeout=2s"})
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

    static final LocalDate JUN_1 = LocalDate.of(2026, 6, 1);
    static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);
    static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    static final LocalDate SEP_30 = LocalDate.of(2026, 9, 30);
    static final LocalDate WEEK_START = LocalDate.of(2026, 10, 19);
    static final LocalDate WEEK_END = LocalDate.of(2026, 10, 25);
    static final LocalDate DAY = LocalDate.of(2026, 10, 30);

    /** Scorecards (June and September), weekly team reports, regional funnels and team digests for the whole org. */
    SampleOrg archiveTheWholeOrganisation() throws IOException {
        return archiveRegion(null);
    }

    /** As {@link #archiveTheWholeOrganisation}, for one region's people only ({@code region} null: all). */
    SampleOrg archiveRegion(String region) throws IOException {
        SampleOrg org = SampleOrg.read(jdbc).inRegion(region);
        for (LocalDate[] month : List.of(new LocalDate[] {JUN_1, JUN_30}, new LocalDate[] {SEP_1, SEP_30})) {
            for (SampleOrg.Row rep : org.withRole("REP", month[1])) {
                archive.add("SCORECARD", "REP", rep.id(), month[0], month[1], "zh");
                if (rep.region().equals("NORTH")) {
                    archive.add("SCORECARD", "REP", rep.id(), month[0], month[1], "en");
                }
            }
        }
        // a rep who left in August: his September scorecard has nobody to go to
        if (region == null) {
            archive.add("SCORECARD", "REP", "E00041", SEP_1, SEP_30, "zh");
        }
        for (SampleOrg.Row lead : org.withRole("TEAM_LEAD", WEEK_END)) {
            archive.add("WEEKLY", "TEAM", lead.team(), WEEK_START, WEEK_END, "zh");
            archive.add("DIGEST", "TEAM", lead.team(), DAY, DAY, "zh");
        }
        for (SampleOrg.Row manager : org.withRole("REGION_MANAGER", SEP_30)) {
            archive.add("FUNNEL", "REGION", manager.region(), SEP_1, SEP_30, "zh");
            archive.add("FUNNEL", "REGION", manager.region(), SEP_1, SEP_30, "en");
        }
        return org;
    }

    /** Who should receive which files, worked out from the org rows: email -> (type|period -> files). */
    Map<String, Map<String, Set<String>>> expectedMailboxes(SampleOrg org) {
        Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
        Set<String> subjects = new HashSet<>();
        for (ArchiveFixture.Row row : archive.rows) {
            if (!subjects.add(row.reportType() + row.entityId() + row.start())) {
                continue;
            }
            List<SampleOrg.Row> to = new ArrayList<>();
            LocalDate end = row.end();
            switch (row.reportType()) {
                case "SCORECARD" -> org.person(row.entityId(), end).ifPresent(rep -> {
                    to.add(rep);
                    SampleOrg.Row lead = org.person(rep.manager(), end).orElseThrow();
                    to.add(lead);
                    to.add(org.person(lead.manager(), end).orElseThrow());
                });
                case "WEEKLY" -> {
                    SampleOrg.Row lead = org.lead(row.entityId(), end);
                    to.add(lead);
                    to.add(org.regionManager(lead.region(), end));
                }
                case "DIGEST" -> to.add(org.lead(row.entityId(), end));
                case "FUNNEL" -> to.add(org.regionManager(row.entityId(), end));
                default -> throw new IllegalStateException(row.reportType());
            }
            for (SampleOrg.Row person : to) {
                String language = archive.rows.stream().anyMatch(r -> r.reportType().equals(row.reportType())
                        && r.entityId().equals(row.entityId()) && r.start().equals(row.start())
                        && r.language().equals(person.language())) ? person.language() : "zh";
                expected.computeIfAbsent(person.email(), e -> new TreeMap<>())
                        .computeIfAbsent(row.reportType() + "|" + row.start(), k -> new TreeSet<>())
                        .add(ArchiveFixture.fileName(row.reportType(), row.entityId(), row.start(), language));
            }
        }
        return expected;
    }

    /** What GreenMail received: email -> one entry per mail, the sorted names of its attachments. */
    Map<String, List<Set<String>>> mailboxes() throws Exception {
        Map<String, List<Set<String>>> boxes = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Address[] to = message.getAllRecipients();
            assertThat(to).hasSize(1);
            boxes.computeIfAbsent(((jakarta.mail.internet.InternetAddress) to[0]).getAddress(), e -> new ArrayList<>())
                    .add(attachmentNames(message));
        }
        return boxes;
    }

    static Set<String> attachmentNames(MimeMessage message) throws Exception {
        Set<String> names = new TreeSet<>();
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                names.add(part.getFileName());
            }
        }
        return names;
    }

    static Map<String, List<Set<String>>> asMailboxes(Map<String, Map<String, Set<String>>> expected) {
        Map<String, List<Set<String>>> boxes = new TreeMap<>();
        expected.forEach((email, mails) -> boxes.put(email, new ArrayList<>(mails.values())));
        return boxes;
    }

    static Map<String, Set<Set<String>>> unordered(Map<String, List<Set<String>>> boxes) {
        Map<String, Set<Set<String>>> result = new TreeMap<>();
        boxes.forEach((email, mails) -> result.put(email, new HashSet<>(mails)));
        return result;
    }

    /** The mail's text as its reader sees it, lines ending in \n. */
    static String bodyText(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        collectText(message, text);
        return text.toString().replace("\r\n", "\n");
    }

    private static void collectText(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            text.append(part.getContent());
        } else if (part.getContent() instanceof Multipart inner) {
            for (int i = 0; i < inner.getCount(); i++) {
                collectText(inner.getBodyPart(i), text);
            }
        }
    }

    static String pdfText(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (var pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
        }
        return "";
    }

}
