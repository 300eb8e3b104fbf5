package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.kam.pipeline.report.ReportType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** What managers find in their mailbox after a delivery run; run on H2 and MariaDB by the subclasses. */
abstract class DeliveryScenarios extends DeliveryTestBase {

    @Autowired
    DeliveryService delivery;

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
        assertThat(summaryOf(run)).contains(mails + " delivered").contains("  WARN: scorecard of E00041 名称 (E00041)"
                + " 2026-09-01..2026-09-30: not sent to the rep, the team lead, the region manager (distribution.yml rule 2: to"
                + " self, manager-chain; manager-levels 2): rep E00041 is not in the organisation on 2026-09-30\n");

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

    /**
     * 谭昊昊 (E00002), region manager of EAST, left: the org file no longer lists her, but the leads of T001, T004
     * and T007 still name her as their manager. What she would have had (the region's scorecards, weekly reports
     * and funnel report) goes to nobody in her place, and the run names each report, the rule and why.
     */
    @Test
    void theFinalScorecardOfARepWhoLeftMidMonthGoesToThemAndTheManagersTheyHadThen() throws Exception {
        SampleOrg org = archiveRegion("EAST");
        Map<String, List<Set<String>>> expected = asMailboxes(expectedMailboxes(org));
        // E00014 (team T001, lead 林瑞秀) leaves on 09-20: on 09-30, the scorecard's last day, he has no team
        assertThat(jdbc.update("UPDATE org_assignment SET valid_to = '2026-09-20' WHERE employee_id = 'E00014'"
                + " AND valid_from <= '2026-09-20' AND (valid_to IS NULL OR valid_to > '2026-09-20')")).isEqualTo(1);

        JobExecution run = deliver(false);

        assertThat(run.getStatus()).as(summaryOf(run)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(unordered(mailboxes())).isEqualTo(unordered(expected));
        assertThat(flatten(mailboxes().get("lin.ruixiu@example.com"))).contains("scorecard_E00014_2026-09-01_zh.pdf");
        assertThat(summaryOf(run)).doesNotContain("E00014");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theReportsOfARegionManagerWhoLeftAreEachNamedInAWarningAndGoToNobodyElse(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        SampleOrg org = archiveRegion("EAST");
        Map<String, List<Set<String>>> expected = asMailboxes(expectedMailboxes(org));
        assertThat(expected.remove("tan.haohao@example.com")).isNotEmpty();
        // as the ingest does with a person the org file no longer lists (LoadSettler): her assignments are gone
        jdbc.update("DELETE FROM org_assignment WHERE employee_id = 'E00002'");

        JobExecution run = deliver(false);

        assertThat(run.getStatus()).as(summaryOf(run)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(unordered(mailboxes())).isEqualTo(unordered(expected));
        int mails = smtp.getReceivedMessages().length;
        // every report but the digests (to the lead only): the scorecards, the weekly reports, the funnel report
        int missed = (int) archive.rows.stream().filter(r -> !r.reportType().equals("DIGEST"))
                .map(r -> r.reportType() + r.entityId() + r.start()).distinct().count();
        String scorecard = "scorecard of E00014 名称 (E00014) 2026-09-01..2026-09-30: not sent to the region manager"
                + " (distribution.yml rule 2: to self, manager-chain; manager-levels 2): team T001's lead 林瑞秀 (E00005) names"
                + " manager E00002, who is not in the org file";
        String weekly = "weekly report of team T004 名称 (T004) 2026-10-19..2026-10-25: not sent to the region manager"
                + " (distribution.yml rule 3: to team-lead, region-manager): region EAST has no manager (role REGION_MANAGER)"
                + " in the organisation on 2026-10-25";
        String funnel = "funnel report of region EAST 名称 (EAST) 2026-09-01..2026-09-30: not sent to the region manager"
                + " (distribution.yml rule 4: to region-manager): region EAST has no manager (role REGION_MANAGER) in the"
                + " organisation on 2026-09-30";
        assertThat(summaryOf(run)).contains(", 0 failed; " + missed + " report(s) not sent to everyone their distribution rule"
                + " names (WARN below)\n").contains("  WARN: " + scorecard + "\n", "  WARN: " + weekly + "\n",
                "  WARN: " + funnel + "\n");
        assertThat(notSentLines(run)).hasSize(missed).doesNotHaveDuplicates();
        assertThat(output.getAll()).containsPattern("WARN .*" + java.util.regex.Pattern.quote(scorecard));
        // the run completed with warnings, as `kam runs` and the night show it
        assertThat(run.getExitStatus().getExitCode()).isEqualTo(com.kam.pipeline.system.JobRunner.COMPLETED_WITH_WARNINGS);
        assertThat(run.getExitStatus().getExitDescription()).contains(scorecard, weekly, funnel);

        // a rerun sends nothing, and says each once again
        JobExecution rerun = deliver(true);
        assertThat(summaryOf(rerun)).contains("0 delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
        assertThat(notSentLines(rerun)).isEqualTo(notSentLines(run));
    }

    private List<String> notSentLines(JobExecution run) {
        return summaryOf(run).lines().filter(line -> line.startsWith("  WARN: ") && line.contains(": not sent to ")).toList();
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
    void aReportCorrectedAfterItWasMailedGoesAgainOnceMarkedCorrectedAndAnUnchangedOneNever() throws Exception {
        SampleOrg org = archiveRegion("NORTH");
        Map<String, Map<String, Set<String>>> expected = expectedMailboxes(org);
        JobExecution first = deliver(false);
        assertThat(first.getStatus()).as(summaryOf(first)).isEqualTo(BatchStatus.COMPLETED);
        int mails = smtp.getReceivedMessages().length;
        Set<String> before = new java.util.HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            before.add(m.getMessageID());
        }

        // E00018's September figures were corrected and the night forced: every PDF is rendered again
        // (a new file each: the generation time is on the pages), only E00018's says something new
        for (ArchiveFixture.Row row : archive.rows) {
            boolean correctedRow = row.entityId().equals("E00018") && row.start().equals(SEP_1);
            archive.render(row, correctedRow ? "SCORECARD E00018 corrected " + row.language() : null);
        }
        Map<String, String> toBeCorrected = new java.util.TreeMap<>(); // email -> the PDF they were sent
        expected.forEach((email, byMail) -> byMail.values().forEach(files -> files.stream()
                .filter(f -> f.startsWith("scorecard_E00018_2026-09-01_")).forEach(f -> toBeCorrected.put(email, f))));
        assertThat(toBeCorrected).hasSize(3); // the rep, the team lead, the region manager

        JobExecution again = deliver(true);

        assertThat(again.getStatus()).as(summaryOf(again)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summaryOf(again)).contains("3 delivered").contains("(3 of them with reports corrected since they were mailed)")
                .contains((mails - 3) + " already delivered earlier");
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(all).hasSize(mails + 3);
        Map<String, Set<String>> resent = new java.util.TreeMap<>();
        for (MimeMessage m : all) {
            if (before.contains(m.getMessageID())) {
                continue;
            }
            String email = ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
            resent.put(email, attachmentNames(m));
            // in the recipient's language, as the PDF is (North's reports have English versions)
            assertThat(m.getSubject()).as(email).endsWith(toBeCorrected.get(email).endsWith("_en.pdf")
                    ? "2026-09-01 to 2026-09-30 (corrected)" : "2026-09-01 至 2026-09-30（更正）");
            assertThat(pdfText(m)).contains("SCORECARD E00018 corrected");
        }
        Map<String, Set<String>> expectedResent = new java.util.TreeMap<>();
        toBeCorrected.forEach((email, file) -> expectedResent.put(email, Set.of(file)));
        assertThat(resent).isEqualTo(expectedResent);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE kind = 'CORRECTED' AND status = 'SENT'")).isEqualTo(3);

        // the corrected version went out once; a render again of the same figures sends nothing
        JobExecution third = deliver(true);
        assertThat(third.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summaryOf(third)).contains("0 delivered");
        archive.render(archive.rows.get(0), null);
        assertThat(summaryOf(deliver(true))).contains("0 delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 3);
    }

    @Test
    void aReportResentByHandWhileTheScheduledMailFailedIsLeftOutOfThatMailWhenItGoes() throws Exception {
        archiveRegion("NORTH");
        smtp.stop();
        assertThat(deliver(false).getStatus()).isEqualTo(BatchStatus.FAILED);
        smtp.start();
        // while the server was down for the night's run, the operator sent the team lead one scorecard by hand
        long zh = jdbc.queryForObject("SELECT id FROM report_archive WHERE entity_id = 'E00018' AND period_start = ?"
                + " AND language = 'zh'", Long.class, SEP_1);
        assertThat(delivery.resend(zh, "wu.jiafan@example.com", work.resolve("out")).delivered()).isTrue();
        Set<String> resent = messageIds();

        JobExecution back = deliver(false);

        assertThat(back.getStatus()).as(summaryOf(back)).isEqualTo(BatchStatus.COMPLETED);
        List<Set<String>> leadsScorecards = new java.util.ArrayList<>();
        Set<String> othersAttachments = new java.util.HashSet<>();
        for (MimeMessage m : newSince(resent)) {
            Set<String> names = attachmentNames(m);
            if (!recipient(m).equals("wu.jiafan@example.com")) {
                othersAttachments.addAll(names);
            } else if (names.stream().anyMatch(a -> a.startsWith("scorecard_") && a.contains("_2026-09-01_"))) {
                leadsScorecards.add(names);
            }
        }
        assertThat(leadsScorecards).hasSize(1);
        // September's team scorecards without the one the lead already has
        assertThat(leadsScorecards.get(0)).containsExactlyInAnyOrder("scorecard_E00017_2026-09-01_zh.pdf",
                "scorecard_E00019_2026-09-01_zh.pdf");
        // the others had nothing by hand: theirs are whole
        assertThat(othersAttachments).contains("scorecard_E00018_2026-09-01_en.pdf");
        int mails = smtp.getReceivedMessages().length;
        assertThat(summaryOf(deliver(true))).contains("0 delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCorrectionResentByHandIsNotMailedAgainToThatRecipientButStillToTheOthers() throws Exception {
        archiveRegion("NORTH");
        deliver(false);
        int mails = smtp.getReceivedMessages().length;

        // E00018's September scorecard corrected; the operator resends the corrected PDF to the team lead at once
        for (ArchiveFixture.Row row : archive.rows) {
            if (row.entityId().equals("E00018") && row.start().equals(SEP_1)) {
                archive.render(row, "SCORECARD E00018 corrected " + row.language());
            }
        }
        long zh = jdbc.queryForObject("SELECT id FROM report_archive WHERE entity_id = 'E00018' AND period_start = ?"
                + " AND language = 'zh'", Long.class, SEP_1);
        assertThat(delivery.resend(zh, "wu.jiafan@example.com", work.resolve("out")).delivered()).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 1);
        Set<String> resent = messageIds();

        JobExecution again = deliver(true);

        // the rep and the region manager (both read English) get the correction; the team lead had it already
        assertThat(again.getStatus()).as(summaryOf(again)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 3);
        Map<String, Set<String>> corrected = new java.util.TreeMap<>();
        for (MimeMessage m : newSince(resent)) {
            assertThat(m.getSubject()).endsWith("(corrected)");
            corrected.put(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress(), attachmentNames(m));
        }
        assertThat(corrected).isEqualTo(Map.of("zhang.ping@example.com", Set.of("scorecard_E00018_2026-09-01_en.pdf"),
                "ma.si@example.com", Set.of("scorecard_E00018_2026-09-01_en.pdf")));

        assertThat(summaryOf(deliver(true))).contains("0 delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 3);
    }

    @Test
    void aReportAddedToABundleAlreadyMailedGoesOnceMarkedAddedAndAloneToThoseWhoLackIt() throws Exception {
        // E00019 joined late: the scheduled deliver mailed September's scorecards without his
        archiveRegion("NORTH");
        List<ArchiveFixture.Row> late = archive.rows.stream()
                .filter(r -> r.entityId().equals("E00019") && r.start().equals(SEP_1)).toList();
        assertThat(late).hasSize(2); // zh and en
        jdbc.update("DELETE FROM report_archive WHERE entity_id = 'E00019' AND period_start = ?", SEP_1);
        archive.rows.removeAll(late);
        JobExecution first = deliver(false);
        assertThat(first.getStatus()).as(summaryOf(first)).isEqualTo(BatchStatus.COMPLETED);
        int mails = smtp.getReceivedMessages().length;
        Set<String> before = messageIds();

        // `kam report --date D --force` renders his scorecard too
        for (ArchiveFixture.Row row : late) {
            archive.add(row.reportType(), row.entityType(), row.entityId(), row.start(), row.end(), row.language());
        }

        JobExecution again = deliver(true);

        assertThat(again.getStatus()).as(summaryOf(again)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 3);
        Map<String, String> subjects = new java.util.TreeMap<>();
        Map<String, Set<String>> attached = new java.util.TreeMap<>();
        for (MimeMessage m : newSince(before)) {
            String email = ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
            subjects.put(email, m.getSubject());
            attached.put(email, attachmentNames(m));
        }
        // the rep's own first mail is an ordinary one; his lead and region manager get his scorecard alone, marked added
        assertThat(attached).isEqualTo(Map.of("wu.chunyun@example.com", Set.of("scorecard_E00019_2026-09-01_zh.pdf"),
                "wu.jiafan@example.com", Set.of("scorecard_E00019_2026-09-01_zh.pdf"),
                "ma.si@example.com", Set.of("scorecard_E00019_2026-09-01_en.pdf")));
        assertThat(subjects.get("wu.chunyun@example.com")).endsWith("2026-09-01 至 2026-09-30");
        assertThat(subjects.get("wu.jiafan@example.com")).endsWith("2026-09-01 至 2026-09-30（补发）");
        assertThat(subjects.get("ma.si@example.com")).endsWith("2026-09-01 to 2026-09-30 (added)");
        assertThat(summaryOf(again)).contains("3 delivered").contains("2 of them with reports added since");

        assertThat(summaryOf(deliver(true))).contains("0 delivered");
        // nor is a report now rendered in one more language: ma.si had T002's weekly report in Chinese
        archive.add("WEEKLY", "TEAM", "T002", WEEK_START, WEEK_END, "en");
        assertThat(summaryOf(deliver(true))).contains("0 delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 3);
    }

    @Test
    void aRecipientWithACorrectedAndAnAddedReportGetsOneMailSayingWhichIsWhichOnceEvenAfterAFailedSend() throws Exception {
        // E00019 joined late: the scheduled deliver mailed September's scorecards without his
        archiveRegion("NORTH");
        List<ArchiveFixture.Row> late = archive.rows.stream()
                .filter(r -> r.entityId().equals("E00019") && r.start().equals(SEP_1)).toList();
        jdbc.update("DELETE FROM report_archive WHERE entity_id = 'E00019' AND period_start = ?", SEP_1);
        archive.rows.removeAll(late);
        assertThat(deliver(false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then E00018's September figures were corrected, and the forced report run renders E00019's scorecard too
        for (ArchiveFixture.Row row : archive.rows) {
            if (row.entityId().equals("E00018") && row.start().equals(SEP_1)) {
                archive.render(row, "SCORECARD E00018 corrected " + row.language());
            }
        }
        for (ArchiveFixture.Row row : late) {
            archive.add(row.reportType(), row.entityType(), row.entityId(), row.start(), row.end(), row.language());
        }
        // and the mail server is down when the night's deliver runs
        smtp.stop();
        JobExecution down = deliver(true);
        assertThat(down.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE kind = 'CORR_ADDED' AND status = 'FAILED'")).isEqualTo(2);
        smtp.start(); // with an empty store: what it holds from here on came after the failure

        JobExecution back = deliver(true); // the date had completed before: --force again

        assertThat(back.getStatus()).as(summaryOf(back)).isEqualTo(BatchStatus.COMPLETED);
        // the lead and the region manager had E00018's and lack E00019's: one mail each, with both;
        // the rep E00018 gets his correction, the rep E00019 his first mail
        Map<String, List<Set<String>>> attached = new java.util.TreeMap<>();
        Map<String, MimeMessage> received = new java.util.TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            attached.computeIfAbsent(recipient(m), e -> new ArrayList<>()).add(attachmentNames(m));
            received.put(recipient(m), m);
        }
        assertThat(attached).isEqualTo(Map.of(
                "wu.jiafan@example.com", List.of(Set.of("scorecard_E00018_2026-09-01_zh.pdf", "scorecard_E00019_2026-09-01_zh.pdf")),
                "ma.si@example.com", List.of(Set.of("scorecard_E00018_2026-09-01_en.pdf", "scorecard_E00019_2026-09-01_en.pdf")),
                "zhang.ping@example.com", List.of(Set.of("scorecard_E00018_2026-09-01_en.pdf")),
                "wu.chunyun@example.com", List.of(Set.of("scorecard_E00019_2026-09-01_zh.pdf"))));
        assertThat(summaryOf(back)).contains("4 delivered").contains("(3 of them with reports corrected since they were mailed,"
                + " 2 of them with reports added since the first mail)");

        MimeMessage lead = received.get("wu.jiafan@example.com");
        assertThat(lead.getSubject()).isEqualTo("[大客户管理] 销售代表月度考核表：2026-09-01 至 2026-09-30（更正 1 份，补发 1 份）");
        assertThat(bodyText(lead)).contains("""
                2026-09-01 至 2026-09-30 的销售代表月度考核表在发送给您之后，有 1 份数据已更正，另有 1 份是新增的，一并附上：
                数据已更正的，请以此为准：
                · 销售代表 E00018 名称（E00018）：见附件 scorecard_E00018_2026-09-01_zh.pdf
                新增的，此前未发送给您：
                · 销售代表 E00019 名称（E00019）：见附件 scorecard_E00019_2026-09-01_zh.pdf
                """);
        MimeMessage manager = received.get("ma.si@example.com");
        assertThat(manager.getSubject()).isEqualTo("[KAM] Rep Monthly Scorecard: 2026-09-01 to 2026-09-30 (1 corrected, 1 added)");
        assertThat(bodyText(manager)).contains("""
                Since the Rep Monthly Scorecard for 2026-09-01 to 2026-09-30 was mailed to you, the data of 1 report(s) was\
                 corrected and 1 report(s) were added; here they are:
                Corrected (these replace the versions you had):
                - Rep E00018 名称 (E00018): attached as scorecard_E00018_2026-09-01_en.pdf
                Added (not mailed to you before):
                - Rep E00019 名称 (E00019): attached as scorecard_E00019_2026-09-01_en.pdf
                """);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE kind = 'CORR_ADDED' AND status = 'SENT'")).isEqualTo(2);

        // neither the correction nor the addition goes again
        JobExecution rerun = deliver(true);
        assertThat(summaryOf(rerun)).contains("0 delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(4);
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

    /**
     * 吴嘉帆 leads team T002 (北京办事处) and reads Chinese; 马思 manages region NORTH and reads English. Each line of
     * their mails says the figures of the PDF it names, as the stored rollup and appraisal rows give them and the PDF
     * attached prints them; a team without a target says so.
     */
    @Test
    void eachLineOfAManagersMailSaysTheFiguresOfThePdfItNamesInTheirLanguage() throws Exception {
        septemberAppraisalOfTeamT002();
        weekOfTeam("T002", "北京办事处", "1234567.00", "1500000.00");
        weekOfTeam("T005", "天津办事处", "456789.10", null);
        abnormal("T002", "C901", "NOT_VISITED");
        abnormal("T002", "C901", "ORDERS_DOWN");
        abnormal("T002", "C902", "NOT_VISITED");
        assertThat(reports.run(SEP_30, ReportType.SCORECARD, false, out()).succeeded()).isTrue();
        assertThat(reports.run(WEEK_END, ReportType.WEEKLY, false, out()).succeeded()).isTrue();

        assertThat(deliverOn(SEP_30, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(deliverOn(WEEK_END, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // the weekly report: orders against target from the team's WEEK row, the customers of its abnormal list
        Map<String, Object> week = jdbc.queryForMap("SELECT orders_amount, sales_target, sales_attainment FROM rollup"
                + " WHERE period_type = 'WEEK' AND period_start = ? AND entity_type = 'TEAM' AND entity_id = 'T002'", WEEK_START);
        String orders = MONEY.format(week.get("orders_amount"));
        String target = MONEY.format(week.get("sales_target"));
        String attainment = RATE.format(week.get("sales_attainment"));
        assertThat(List.of(orders, target, attainment)).containsExactly("1,234,567.00", "1,500,000.00", "82.30%");
        String noTarget = MONEY.format(jdbc.queryForObject("SELECT orders_amount FROM rollup WHERE period_type = 'WEEK'"
                + " AND period_start = ? AND entity_type = 'TEAM' AND entity_id = 'T005' AND sales_target IS NULL",
                java.math.BigDecimal.class, WEEK_START));
        MimeMessage leadsWeek = mailTo("wu.jiafan@example.com", "销售管理周报");
        String zhWeekly = "weekly_team-T002_2026-10-19_2026-10-25_zh.pdf";
        assertThat(bodyText(leadsWeek)).contains("· 办事处 北京办事处（T002）：订单 " + orders + " / 目标 " + target + "（" + attainment
                + "），异常客户 2 个；见附件 " + zhWeekly + "\n");
        assertThat(attachmentText(leadsWeek, zhWeekly)).contains(orders, attainment, "目标 " + target, "异常客户（2 个客户，3 项异常）");
        MimeMessage managersWeek = mailTo("ma.si@example.com", "Weekly Sales Management Report");
        String enWeekly = "weekly_team-T002_2026-10-19_2026-10-25_en.pdf";
        assertThat(bodyText(managersWeek)).contains("- Team 北京办事处 (T002): orders " + orders + " / target " + target + " ("
                        + attainment + "), 2 abnormal customer(s); attached as " + enWeekly + "\n",
                "- Team 天津办事处 (T005): orders " + noTarget + ", no target, 0 abnormal customer(s); attached as"
                        + " weekly_team-T005_2026-10-19_2026-10-25_en.pdf\n");
        assertThat(attachmentText(managersWeek, enWeekly)).contains(orders, target, attainment);
        assertThat(bodyText(mailTo("gao.haizhi@example.com", "销售管理周报"))).contains("：订单 " + noTarget + "，无目标，异常客户 0 个；");

        // the scorecards: score, grade and rank from the appraisal, each rep's line in the lead's and the manager's mail
        MimeMessage leadsScorecards = mailTo("wu.jiafan@example.com", "销售代表月度考核表");
        MimeMessage managersScorecards = mailTo("ma.si@example.com", "Rep Monthly Scorecard");
        for (Map<String, Object> rep : jdbc.queryForList("SELECT a.rep_id, a.score, a.grade, a.rank_in_team, a.team_size,"
                + " o.name FROM appraisal a JOIN org_assignment o ON o.employee_id = a.rep_id WHERE a.month_start = ?"
                + " ORDER BY a.rep_id", SEP_1)) {
            String id = (String) rep.get("rep_id");
            String score = SCORE.format(rep.get("score"));
            String rank = rep.get("rank_in_team") + "/" + rep.get("team_size");
            String zh = "scorecard_rep-" + id + "_2026-09-01_2026-09-30_zh.pdf";
            String en = "scorecard_rep-" + id + "_2026-09-01_2026-09-30_en.pdf";
            assertThat(bodyText(leadsScorecards)).contains("· 销售代表 " + rep.get("name") + "（" + id + "）：得分 " + score + "（"
                    + rep.get("grade") + "），组内第 " + rank + " 名；见附件 " + zh + "\n");
            assertThat(attachmentText(leadsScorecards, zh)).contains(score, (String) rep.get("grade"), rank.replace("/", " / "));
            assertThat(bodyText(managersScorecards)).contains("- Rep " + rep.get("name") + " (" + id + "): score " + score + " ("
                    + ENGLISH_GRADES.get(rep.get("grade")) + "), rank " + rep.get("rank_in_team") + " of "
                    + rep.get("team_size") + " in team; attached as " + en + "\n");
            assertThat(attachmentText(managersScorecards, en)).contains(score, ENGLISH_GRADES.get(rep.get("grade")));
        }
        assertThat(bodyText(leadsScorecards)).contains("· 销售代表 张平（E00018）：得分 86.50（良好），组内第 2/3 名；见附件");
        assertThat(bodyText(managersScorecards)).contains("- Rep 张平 (E00018): score 86.50 (Good), rank 2 of 3 in team;");
    }

    /**
     * September's scorecards rendered mid-month ({@code kam report --type SCORECARD --date 2026-09-15}): the month is
     * still running, so each line says the score is provisional, in the recipient's language, as the PDF it names does.
     */
    @Test
    void theLineOfAScorecardOfAMonthStillRunningSaysItsScoreIsProvisionalAsThePdfDoes() throws Exception {
        septemberAppraisalOfTeamT002();
        java.time.LocalDate midMonth = java.time.LocalDate.of(2026, 9, 15);
        assertThat(reports.run(midMonth, ReportType.SCORECARD, false, out()).succeeded()).isTrue();

        assertThat(deliverOn(midMonth, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        String zh = "scorecard_rep-E00018_2026-09-01_2026-09-30_zh.pdf";
        MimeMessage lead = mailTo("wu.jiafan@example.com", "销售代表月度考核表");
        assertThat(bodyText(lead)).contains("· 销售代表 张平（E00018）：得分 86.50（良好），组内第 2/3 名（月度未结束：截至 2026-09-15"
                + " 的暂定分数）；见附件 " + zh + "\n");
        assertThat(attachmentText(lead, zh)).contains("2026-09-15");
        String en = "scorecard_rep-E00018_2026-09-01_2026-09-30_en.pdf";
        MimeMessage manager = mailTo("ma.si@example.com", "Rep Monthly Scorecard");
        assertThat(bodyText(manager)).contains("- Rep 张平 (E00018): score 86.50 (Good), rank 2 of 3 in team (month in progress:"
                + " provisional, as of 2026-09-15); attached as " + en + "\n");
        assertThat(attachmentText(manager, en)).contains("provisional");
    }

    /**
     * 张平's September appraisal was corrected and 段斌鹏's came late: the forced report run renders both, and the
     * mails after it say the corrected figures and the added ones; a resend says those of the PDF it carries.
     */
    @Test
    void theMailOfACorrectedOrAddedReportSaysItsNewFiguresAndSoDoesAResend() throws Exception {
        septemberAppraisalOfTeamT002();
        reports.run(SEP_30, ReportType.SCORECARD, false, out());
        assertThat(deliverOn(SEP_30, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(bodyText(mailTo("zhang.ping@example.com", "Rep Monthly Scorecard")))
                .contains("score 86.50 (Good), rank 2 of 3 in team");
        Set<String> before = messageIds();

        jdbc.update("UPDATE appraisal SET score = 88.25, points_total = 88.25 WHERE rep_id = 'E00018' AND month_start = ?", SEP_1);
        appraise("E00027", "T005", "61.00", "及格", 1, 1);
        reports.run(SEP_30, ReportType.SCORECARD, true, out());
        JobExecution again = deliverOn(SEP_30, true);

        assertThat(again.getStatus()).as(summaryOf(again)).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> bodies = new java.util.TreeMap<>();
        for (MimeMessage m : newSince(before)) {
            bodies.put(recipient(m), bodyText(m));
        }
        // the rep, the lead and the manager of 张平 his correction; 段斌鹏, his lead and the manager his scorecard
        assertThat(bodies.keySet()).containsExactlyInAnyOrder("zhang.ping@example.com", "wu.jiafan@example.com",
                "ma.si@example.com", "duan.binpeng@example.com", "gao.haizhi@example.com");
        assertThat(bodies.get("zhang.ping@example.com")).contains("- Rep 张平 (E00018): score 88.25 (Good), rank 2 of 3 in team;"
                + " attached as scorecard_rep-E00018_2026-09-01_2026-09-30_en.pdf").doesNotContain("86.50");
        assertThat(bodies.get("wu.jiafan@example.com")).contains("· 销售代表 张平（E00018）：得分 88.25（良好），组内第 2/3 名；见附件");
        assertThat(bodies.get("ma.si@example.com")).contains("""
                Corrected (these replace the versions you had):
                - Rep 张平 (E00018): score 88.25 (Good), rank 2 of 3 in team; attached as\
                 scorecard_rep-E00018_2026-09-01_2026-09-30_en.pdf
                Added (not mailed to you before):
                - Rep 段斌鹏 (E00027): score 61.00 (Pass), rank 1 of 1 in team; attached as\
                 scorecard_rep-E00027_2026-09-01_2026-09-30_en.pdf
                """);
        assertThat(bodies.get("gao.haizhi@example.com")).contains("· 销售代表 段斌鹏（E00027）：得分 61.00（及格），组内第 1/1 名；见附件");

        long id = jdbc.queryForObject("SELECT id FROM report_archive WHERE report_type = 'SCORECARD' AND entity_id = 'E00018'"
                + " AND language = 'zh'", Long.class);
        Set<String> beforeResend = messageIds();
        assertThat(delivery.resend(id, "auditor@example.com", out()).delivered()).isTrue();
        assertThat(newSince(beforeResend)).singleElement().satisfies(m -> assertThat(bodyText(m))
                .contains("· 销售代表 张平（E00018）：得分 88.25（良好），组内第 2/3 名；见附件"));
    }

    private Set<String> messageIds() throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        return ids;
    }

    /** The mails received since {@code before} was taken (GreenMail lists them by mailbox, not in order). */
    private List<MimeMessage> newSince(Set<String> before) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (!before.contains(m.getMessageID())) {
                found.add(m);
            }
        }
        return found;
    }

    private List<MimeMessage> messagesTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress().equals(email)) {
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

    private static final java.text.DecimalFormat MONEY = new java.text.DecimalFormat("#,##0.00");
    private static final java.text.DecimalFormat RATE = new java.text.DecimalFormat("0.00%");
    private static final java.text.DecimalFormat SCORE = new java.text.DecimalFormat("0.00");
    /** The grades as the English scorecard names them (report-templates/i18n/report_en.properties). */
    private static final Map<Object, String> ENGLISH_GRADES = Map.of("优秀", "Excellent", "良好", "Good", "中等", "Average",
            "及格", "Pass", "差", "Poor");

    @Autowired
    com.kam.pipeline.report.ReportService reports;

    private java.nio.file.Path out() {
        return work.resolve("out");
    }

    private JobExecution deliverOn(java.time.LocalDate date, boolean force) throws Exception {
        return runner.run(deliverJob, date, force, Map.of("out", out().toString()));
    }

    /** September's appraisal of team T002 (北京办事处) as the rollup stores it. */
    private void septemberAppraisalOfTeamT002() {
        appraise("E00017", "T002", "91.20", "优秀", 1, 3);
        appraise("E00018", "T002", "86.50", "良好", 2, 3);
        appraise("E00019", "T002", "72.00", "中等", 3, 3);
    }

    private void appraise(String rep, String team, String score, String grade, int rank, int teamSize) {
        jdbc.update("INSERT INTO appraisal (month_start, rep_id, rep_name, team_code, region_code, score, points_total, grade,"
                + " rank_in_team, team_size, computed_at) VALUES (?, ?, (SELECT MAX(name) FROM org_assignment WHERE employee_id = ?),"
                + " ?, 'NORTH', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", SEP_1, rep, rep, team, new java.math.BigDecimal(score),
                new java.math.BigDecimal(score), grade, rank, teamSize);
    }

    /** A team's WEEK rollup row of the week 10-19..10-25; {@code target} null: the team has no target. */
    private void weekOfTeam(String team, String name, String orders, String target) {
        java.math.BigDecimal amount = new java.math.BigDecimal(orders);
        java.math.BigDecimal goal = target == null ? null : new java.math.BigDecimal(target);
        jdbc.update("INSERT INTO rollup_row (period_type, period_start, period_end, entity_type, entity_id, entity_name, team_code,"
                + " region_code, reps, rep_days, orders_amount, gross_margin, collections, expenses, cost_per_visit, visits,"
                + " effective_visits, order_visits, effective_visit_rate, transaction_rate, customers_visited, new_customers,"
                + " complaints_open, complaints_received, complaints_resolved, report_on_time_rate, sales_target, sales_attainment,"
                + " computed_at) VALUES ('WEEK', ?, ?, 'TEAM', ?, ?, NULL, 'NORTH', 3, 15, ?, 0, 0, 0, 0, 20, 15, 5, 0.7500,"
                + " 0.2500, 12, 0, 0, 0, 0, 1.0000, ?, ?, CURRENT_TIMESTAMP)", WEEK_START, WEEK_END, team, name, amount, goal,
                goal == null ? null : amount.divide(goal, 4, java.math.RoundingMode.HALF_UP));
    }

    private void abnormal(String team, String customer, String reason) {
        jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                + " rep_id, team_code, days_since, allowed_days, reason) VALUES (?, ?, ?, ?, 'R1', 'A', 'E00017', ?, 45, 30, 'test')",
                WEEK_START, customer, reason, customer + " 客户", team);
    }

    /** The one mail to {@code email} whose subject contains {@code subject}. */
    private MimeMessage mailTo(String email, String subject) throws Exception {
        List<MimeMessage> found = messagesTo(email).stream().filter(m -> subjectOf(m).contains(subject)).toList();
        assertThat(found).as(email + " " + subject).hasSize(1);
        return found.get(0);
    }

    /** The text of the attachment named {@code name}, as its reader sees it. */
    private static String attachmentText(MimeMessage message, String name) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if (name.equals(part.getFileName())) {
                try (var pdf = org.apache.pdfbox.Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                }
            }
        }
        throw new AssertionError("no attachment " + name);
    }
}
