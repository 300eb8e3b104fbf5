package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery_log table: one row per mail key. A mail whose row says SENT is never sent again,
 * which is what makes a rerun safe; one that says WRITTEN (to the outbox) is not written again,
 * but is sent by the first run with an SMTP server, which then logs it SENT under the same key.
 */
@Repository
class DeliveryLog {

    static final String FAILED = "FAILED";

    /** A failed mail as the run summary shows it. */
    record Failure(String email, String reportType, LocalDate periodStart, LocalDate periodEnd, int attempts, String error) {
    }

    private final JdbcTemplate jdbc;

    DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> statusOf(String key) {
        return jdbc.queryForList("SELECT status FROM delivery_log WHERE mail_key = ?", String.class, key).stream().findFirst();
    }

    /** Where an earlier run wrote the mail in the outbox, if one did (kept when it failed or was sent since). */
    Optional<String> outboxFileOf(String key) {
        return jdbc.queryForList("SELECT outbox_file FROM delivery_log WHERE mail_key = ? AND outbox_file IS NOT NULL", String.class,
                key).stream().findFirst();
    }

    /**
     * Records how a mail ended; a retried key keeps one row, its attempts added up, and the outbox
     * file of a mail written there before it was sent.
     */
    void record(String key, String kind, LocalDate businessDate, Long jobExecutionId, MailPlan mail,
                RetryingSender.Outcome outcome) {
        String status = outcome.delivered() ? outcome.sent().status() : FAILED;
        jdbc.update("""
                INSERT INTO delivery_log (mail_key, kind, business_date, job_execution_id, recipient_id, recipient_email,
                    language, report_type, period_start, period_end, report_ids, status, attempts, message_id, outbox_file,
                    last_error, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE job_execution_id = VALUES(job_execution_id), report_ids = VALUES(report_ids),
                    status = VALUES(status), attempts = attempts + VALUES(attempts), message_id = VALUES(message_id),
                    outbox_file = COALESCE(VALUES(outbox_file), outbox_file), last_error = VALUES(last_error),
                    updated_at = VALUES(updated_at)""",
                key, kind, businessDate, jobExecutionId, mail.recipient().employeeId(), mail.recipient().email().trim(),
                mail.recipient().mailLanguage(), mail.reportType(), mail.periodStart(), mail.periodEnd(), mail.reportIds(),
                status, outcome.attempts(), outcome.delivered() ? outcome.sent().messageId() : null,
                outcome.delivered() ? outcome.sent().outboxFile() : null, outcome.error(), LocalDateTime.now());
    }

    /**
     * Keeps which content of which report a delivered mail carried (reports archived before their
     * content hash was kept are left out: they are never taken for corrected).
     */
    void recordContents(String key, MailPlan mail) {
        Long id = jdbc.queryForObject("SELECT id FROM delivery_log WHERE mail_key = ?", Long.class, key);
        jdbc.update("DELETE FROM delivery_log_report WHERE delivery_log_id = ?", id);
        for (ArchivedReport report : mail.reports()) {
            if (report.contentSha256() != null) {
                jdbc.update("INSERT INTO delivery_log_report (delivery_log_id, report_id, content_sha256) VALUES (?, ?, ?)",
                        id, report.id(), report.contentSha256());
            }
        }
    }

    /**
     * What a recipient has had of one type and period, by every mail delivered to them (the first,
     * follow-ups, resends): the ids of the reports, and the content last mailed of each (reports
     * archived before their content hash was kept have none).
     */
    record Mailed(Set<Long> reportIds, Map<Long, String> contents) {
    }

    /** {@code delivered}: the statuses that count as had (the transport's: an .eml in the outbox is not had by an SMTP run). */
    Mailed mailedBefore(MailPlan mail, List<String> delivered) {
        String first = mail.firstKey();
        List<Object> args = new java.util.ArrayList<>(List.of(first,
                first.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%"));
        args.addAll(delivered);
        String mails = "(d.mail_key = ? OR d.mail_key LIKE ?) AND d.status IN (" + String.join(", ",
                java.util.Collections.nCopies(delivered.size(), "?")) + ")";
        Set<Long> ids = new HashSet<>();
        jdbc.query("SELECT d.report_ids FROM delivery_log d WHERE " + mails, rs -> {
            ids.addAll(ids(rs.getString(1)));
        }, args.toArray());
        Map<Long, String> contents = new HashMap<>();
        jdbc.query("SELECT r.report_id, r.content_sha256 FROM delivery_log d JOIN delivery_log_report r ON r.delivery_log_id = d.id"
                + " WHERE " + mails + " ORDER BY d.updated_at, d.id", rs -> {
                    // in the order they went (a retried mail keeps its row): the latest content mailed wins
                    contents.put(rs.getLong(1), rs.getString(2));
                }, args.toArray());
        return new Mailed(ids, contents);
    }

    /**
     * Report id -> the addresses a delivery of the date sent it to (scheduled, corrected or resent),
     * in order, each with SENT, or WRITTEN when it only went to the outbox.
     */
    java.util.Map<Long, java.util.Map<String, String>> recipientsByReport(LocalDate businessDate) {
        java.util.Map<Long, java.util.Map<String, String>> to = new java.util.HashMap<>();
        jdbc.query("SELECT report_ids, recipient_email, status FROM delivery_log WHERE business_date = ? AND status <> ?"
                + " ORDER BY id", rs -> {
                    for (long id : ids(rs.getString(1))) {
                        to.computeIfAbsent(id, k -> new java.util.LinkedHashMap<>()).merge(rs.getString(2), rs.getString(3),
                                (had, now) -> SmtpTransport.SENT.equals(had) ? had : now);
                    }
                }, businessDate, FAILED);
        return to;
    }

    /** The ids of delivery_log.report_ids, in order. */
    private static List<Long> ids(String reportIds) {
        return java.util.Arrays.stream(reportIds.split(",")).filter(id -> !id.isBlank()).map(id -> Long.parseLong(id.trim()))
                .toList();
    }

    List<Failure> failuresOf(long jobExecutionId) {
        return jdbc.query("""
                SELECT recipient_email, report_type, period_start, period_end, attempts, last_error FROM delivery_log
                WHERE job_execution_id = ? AND status = ? ORDER BY mail_key""",
                (rs, i) -> new Failure(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getString(6)), jobExecutionId, FAILED);
    }
}
