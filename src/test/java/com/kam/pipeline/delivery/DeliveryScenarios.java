package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** What managers find in their mailbox after a delivery run; run on H2 and MariaDB by the subclasses. */
abstract class DeliveryScenarios extends DeliveryTestBase {

    @Test
    void everyManagerGetsExactlyTheirOwnPeoplesReportsInTheirLanguageAndARerunSendsNothing() throws Exception {
        SampleOrg org = archiveTheWholeOrganisation();
        Map<String, List<Set<String>>> expected = asMailboxes(expectedMailboxes(org));

        JobExecution run = deliver(false);

        assertThat(run.getStatus()).as(summaryOf(run)).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<Set<String>>> received = mailboxes();
        assertThat(received.keySet()).isEqualTo(expected.keySet());
        received.forEach((email, mails) -> assertThat(mails).as(email).hasSameSizeAs(expected.get(email)));
        assertThat(unordered(received)).isEqualTo(unordered(expected));
        int mails = expected.values().stream().mapToInt(List::size).sum();
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'SENT'")).isEqualTo(mails);
        assertThat(summaryOf(run)).contains(mails + " delivered").contains("SCORECARD REP E00041 2026-09-01..2026-09-30: no recipient");

        // the mover: E00015 was in Shanghai (E00005) in June and in Hangzhou (E00008) in September
        assertThat(flatten(received.get("lin.ruixiu@example.com"))).contains("scorecard_E00015_2026-06-01_zh.pdf")
                .doesNotContain("scorecard_E00015_2026-09-01_zh.pdf");
        assertThat(flatten(received.get("chen.bin@example.com"))).contains("scorecard_E00015_2026-09-01_zh.pdf")
                .doesNotContain("scorecard_E00015_2026-06-01_zh.pdf");

        // language: the English-speaking North manager reads English mails, English PDFs where they exist, else Chinese
        MimeMessage toMaSi = messagesTo("ma.si@example.com").get(0);
        assertThat(toMaSi.getSubject()).startsWith("[KAM] ");
        assertThat(flatten(received.get("ma.si@example.com"))).contains("scorecard_E00018_2026-09-01_en.pdf",
                "funnel_NORTH_2026-09-01_en.pdf", "weekly_T002_2026-10-19_zh.pdf");
        assertThat(messagesTo("tan.haohao@example.com").get(0).getSubject()).startsWith("[大客户管理] ");

        // the attachment is the archived PDF itself
        MimeMessage scorecard = messagesTo("zhang.ping@example.com").stream()
                .filter(m -> subjectOf(m).contains("2026-09-01")).findFirst().orElseThrow();
        assertThat(pdfText(scorecard)).contains("SCORECARD REP E00018 2026-09-01..2026-09-30 en");

        JobExecution rerun = deliver(true);
        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summaryOf(rerun)).contains("0 delivered").contains(mails + " already delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void smtpDownThenBackDeliversEachMailExactlyOnce() throws Exception {
        SampleOrg org = archiveRegion("NORTH");
        Map<String, List<Set<String>>> expected = asMailboxes(expectedMailboxes(org));
        int mails = expected.values().stream().mapToInt(List::size).sum();
        smtp.stop();

        JobExecution down = deliver(false);

        // the first mail waits out its attempts; the others are not tried, nor logged as delivered
        assertThat(down.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(summaryOf(down)).contains("0 delivered").contains("1 failed, " + (mails - 1) + " not tried")
                .contains("mail server 127.0.0.1:" + SMTP_PORT + " unreachable after 3 attempt(s) (Connection refused): "
                        + mails + " mail(s) not sent; run deliver again when it is back");
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'FAILED' AND attempts = 3")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'FAILED' AND attempts = 0")).isEqualTo(mails - 1);

        smtp.start();
        JobExecution back = deliver(false); // restarts the failed run: no --force needed

        assertThat(back.getStatus()).as(summaryOf(back)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(unordered(mailboxes())).isEqualTo(unordered(expected));
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'SENT'")).isEqualTo(mails);

        deliver(true);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void aRecipientWhoseAddressIsRefusedIsReportedAndTheOthersStillGetTheirs() throws Exception {
        SampleOrg org = archiveRegion("NORTH");
        Map<String, List<Set<String>>> expected = asMailboxes(expectedMailboxes(org));
        jdbc.update("UPDATE org_assignment SET email = 'zhang ping@@example' WHERE employee_id = 'E00018'");
        List<Set<String>> zhangs = expected.remove("zhang.ping@example.com");

        JobExecution run = deliver(false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(summaryOf(run)).contains(zhangs.size() + " failed").contains("FAILED zhang ping@@example SCORECARD");
        assertThat(unordered(mailboxes())).isEqualTo(unordered(expected));
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE status = 'FAILED' AND attempts = 1")).isEqualTo(zhangs.size());
    }

    private List<MimeMessage> messagesTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(email)) {
                found.add(m);
            }
        }
        return found;
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> flatten(List<Set<String>> mails) {
        Set<String> all = new TreeSet<>();
        mails.forEach(all::addAll);
        Map<String, Integer> seen = new HashMap<>();
        mails.forEach(m -> m.forEach(f -> seen.merge(f, 1, Integer::sum)));
        assertThat(seen.values()).as("no PDF twice in one mailbox").allMatch(n -> n == 1);
        return all;
    }
}
