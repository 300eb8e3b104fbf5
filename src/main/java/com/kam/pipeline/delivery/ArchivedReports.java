package com.kam.pipeline.delivery;

import com.kam.pipeline.report.ReportHeadline;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads report_archive, which the report job fills: one row per PDF. */
@Repository
class ArchivedReports {

    private static final String COLUMNS = "id, report_type, entity_type, entity_id, entity_name, period_start, period_end,"
            + " language, business_date, file_path, bytes, content_sha256, headline";

    private final JdbcTemplate jdbc;

    ArchivedReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The reports a run wrote for a business date; {@code reportType} null means all types. */
    List<ArchivedReport> ofBusinessDate(LocalDate businessDate, String reportType) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_archive WHERE business_date = ?"
                        + (reportType == null ? "" : " AND report_type = ?") + " ORDER BY id",
                ArchivedReports::map, reportType == null ? new Object[] {businessDate} : new Object[] {businessDate, reportType});
    }

    Optional<ArchivedReport> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_archive WHERE id = ?", ArchivedReports::map, id).stream().findFirst();
    }

    private static ArchivedReport map(ResultSet rs, int row) throws SQLException {
        return new ArchivedReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                rs.getObject(9, LocalDate.class), Path.of(rs.getString(10)), rs.getLong(11), rs.getString(12),
                ReportHeadline.parse(rs.getString(13)));
    }
}
