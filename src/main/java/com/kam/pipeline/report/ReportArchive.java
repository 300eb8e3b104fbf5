package com.kam.pipeline.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * report_archive: one row per PDF, keyed by type, entity, period and language, so a forced rerun
 * replaces the row (and the file, and the key figures its mail says: {@link ReportHeadline}) instead
 * of adding one. A PDF of the same period with data as of an earlier date (October's funnel
 * rendered as of 10-15 after the month-end one) stays on disk but does not replace the archived
 * one, which deliveries and {@code kam resend} use.
 */
@Component
public class ReportArchive {

    private static final String UPSERT = """
            INSERT INTO report_archive (report_type, entity_type, entity_id, entity_name, period_start, period_end, language,
                as_of, business_date, file_path, sha256, bytes, pages, created_at, content_sha256, headline)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE entity_name = VALUES(entity_name), as_of = VALUES(as_of),
                business_date = VALUES(business_date), file_path = VALUES(file_path), sha256 = VALUES(sha256),
                content_sha256 = VALUES(content_sha256), headline = VALUES(headline),
                bytes = VALUES(bytes), pages = VALUES(pages), created_at = VALUES(created_at)""";

    private final JdbcTemplate jdbc;

    public ReportArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the PDFs; returns those left out because the archive holds their period as of a later date. */
    List<ArchivedReport> record(List<ArchivedReport> candidates) {
        Map<Boolean, List<ArchivedReport>> byLater = candidates.stream()
                .collect(Collectors.partitioningBy(this::archivedLater));
        List<ArchivedReport> older = byLater.get(true);
        List<ArchivedReport> reports = byLater.get(false);
        if (reports.isEmpty()) {
            return older;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.batchUpdate(UPSERT, reports, reports.size(), (ps, r) -> {
            ps.setString(1, r.type().name());
            ps.setString(2, r.entity().type());
            ps.setString(3, r.entity().id());
            ps.setString(4, r.entity().name());
            ps.setDate(5, Date.valueOf(r.period().start()));
            ps.setDate(6, Date.valueOf(r.period().end()));
            ps.setString(7, r.language());
            ps.setDate(8, Date.valueOf(r.asOf()));
            ps.setDate(9, Date.valueOf(r.businessDate()));
            ps.setString(10, r.pdf().file().toString());
            ps.setString(11, r.pdf().sha256());
            ps.setLong(12, r.pdf().bytes());
            ps.setInt(13, r.pdf().pages());
            ps.setTimestamp(14, now);
            ps.setString(15, r.pdf().contentSha256());
            ps.setString(16, r.headline() == null ? null : r.headline().stored());
        });
        return older;
    }

    private boolean archivedLater(ArchivedReport r) {
        List<LocalDate> archived = jdbc.queryForList("SELECT as_of FROM report_archive WHERE report_type = ?"
                        + " AND entity_type = ? AND entity_id = ? AND period_start = ? AND period_end = ? AND language = ?",
                LocalDate.class, r.type().name(), r.entity().type(), r.entity().id(), Date.valueOf(r.period().start()),
                Date.valueOf(r.period().end()), r.language());
        return !archived.isEmpty() && archived.get(0).isAfter(r.asOf());
    }
}
