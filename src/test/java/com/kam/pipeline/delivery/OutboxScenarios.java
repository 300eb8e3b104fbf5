package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.test.context.TestPropertySource;

/**
 * With the outbox chosen (kam.delivery.outbox=true, as the demo sets it; no spring.mail.host) every
 * mail is an .eml file in out/outbox/; a PDF over the size limit is linked rather than attached.
 * H2 and MariaDB subclasses.
 */
@TestPropertySource(properties = {"kam.delivery.attach-max-bytes=3000", "kam.delivery.outbox=true"})
abstract class OutboxScenarios extends DeliveryTestBase {

    @Test
    void eachMailIsAnEmlFileInTheOutboxWrittenOnceWithLargePdfsLinked() throws Exception {
        SampleOrg org = archiveRegion("NORTH");
        Map<String, List<Set<String>>> expected = asMailboxes(expectedMailboxes(org));
        String large = "scorecard_E00018_2026-09-01_en.pdf";
        Path largeFile = archive.folderFile(large);
        Files.write(largeFile, ArchiveFixture.onePagePdf("large " + "x".repeat(5000)));
        expected.values().forEach(mails -> mails.forEach(files -> files.remove(large)));
        Path outbox = work.resolve("out").resolve("outbox");

        JobExecution run = deliver(false);

        assertThat(run.getStatus()).as(summaryOf(run)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summaryOf(run)).contains("the outbox");
        assertThat(smtp.getReceivedMessages()).as("nothing goes to an SMTP server").isEmpty();
        List<Path> files = emlFiles(outbox);
        int mails = expected.values().stream().mapToInt(List::size).sum();
        assertThat(files).hasSize(mails);
        Map<String, List<Set<String>>> written = new TreeMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                messages.add(message);
                written.computeIfAbsent(((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress(), e -> new ArrayList<>())
                        .add(attachmentNames(message));
            }
        }
        assertThat(unordered(written)).isEqualTo(unordered(expected));
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'WRITTEN' AND outbox_file IS NOT NULL")).isEqualTo(mails);

        // a Chinese mail names the period and the report as one reads them
        assertThat(messages.stream().map(OutboxScenarios::body).toList())
                .anySatisfy(text -> assertThat(text).contains("2026-09-01 至 2026-09-30 的销售代表月度考核表已生成，共 "));
        // the English rep's September mail links the large PDF instead of attaching it
        MimeMessage september = messages.stream().filter(m -> to(m).equals("zhang.ping@example.com"))
                .filter(m -> body(m).contains("E00018")).filter(m -> subject(m).contains("2026-09-01")).findFirst().orElseThrow();
        assertThat(body(september)).contains("too large to attach, download it from " + largeFile.toAbsolutePath().toUri());

        List<FileTime> times = new ArrayList<>();
        for (Path file : files) {
            times.add(Files.getLastModifiedTime(file));
        }
        JobExecution rerun = deliver(true);
        assertThat(summaryOf(rerun)).contains("0 written to the outbox").contains(mails + " already sent or written earlier");
        assertThat(emlFiles(outbox)).isEqualTo(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(Files.getLastModifiedTime(files.get(i))).isEqualTo(times.get(i));
        }
    }

    private static List<Path> emlFiles(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.sorted().toList();
        }
    }

    private static String to(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                collectText(parts.getBodyPart(i), text);
            }
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectText(jakarta.mail.Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.getContent() instanceof jakarta.mail.Multipart inner) {
            for (int i = 0; i < inner.getCount(); i++) {
                collectText(inner.getBodyPart(i), text);
            }
        }
    }
}
