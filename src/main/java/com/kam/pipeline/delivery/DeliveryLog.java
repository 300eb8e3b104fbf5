package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery_log table: one row per mail key. A mail whose row says SENT or WRITTEN is never
 * sent again, which is what makes a rerun safe.
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

    static boolean isDone(String status) {
        return !FAILED.equals(status);
    }

    /** Records how a mail ended; a retried key keeps one row, its attempts added up. */
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
                    outbox_file = VALUES(outbox_file), last_error = VALUES(last_error), updated_at = VALUES(updated_at)""",
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
     * The reports of a delivered mail whose content changed since it was last mailed to the
     * recipient, by the first mail, a correction or a resend; a report with no content on record
     * either side counts as unchanged.
     */
    List<ArchivedReport> changedSinceMailed(MailPlan mail) {
        java.util.Map<Long, String> mailed = new java.util.HashMap<>();
        String first = mail.firstKey();
        jdbc.query("""
                SELECT r.report_id, r.content_sha256 FROM delivery_log d JOIN delivery_log_report r ON r.delivery_log_id = d.id
                WHERE (d.mail_key = ? OR d.mail_key LIKE ?) AND d.status <> ? ORDER BY d.updated_at, d.id""",
                rs -> {
                    // in the order they went (a retried mail keeps its row): the latest content mailed wins
                    mailed.put(rs.getLong(1), rs.getString(2));
                }, first, first.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%", FAILED);
        return mail.reports().stream().filter(r -> r.contentSha256() != null && mailed.containsKey(r.id())
                && !mailed.get(r.id()).equals(r.contentSha256())).toList();
    }

    /** Report id -> the addresses a delivery of the date sent it to (scheduled, corrected or resent), in order. */
    java.util.Map<Long, java.util.Set<String>> recipientsByReport(LocalDate businessDate) {
        java.util.Map<Long, java.util.Set<String>> to = new java.util.HashMap<>();
        jdbc.query("SELECT report_ids, recipient_email FROM delivery_log WHERE business_date = ? AND status <> ? ORDER BY id",
                rs -> {
                    for (String id : rs.getString(1).split(",")) {
                        if (!id.isBlank()) {
                            to.computeIfAbsent(Long.parseLong(id.trim()), k -> new java.util.LinkedHashSet<>()).add(rs.getString(2));
                        }
                    }
                }, businessDate, FAILED);
        return to;
    }

    List<Failure> failuresOf(long jobExecutionId) {
        return jdbc.query("""
                SELECT recipient_email, report_type, period_start, period_end, attempts, last_error FROM delivery_log
                WHERE job_execution_id = ? AND status = ? ORDER BY mail_key""",
                (rs, i) -> new Failure(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getString(6)), jobExecutionId, FAILED);
    }
}
