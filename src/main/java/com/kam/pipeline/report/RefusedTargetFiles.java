package com.kam.pipeline.report;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Target files the ingest refused and has not loaded since, that may hold a month's targets: the
 * month's appraisal was scored without them, and its scorecards (and their mail) say so. A file
 * refused whole is not read, so the months it holds are unknown: one counts for a month when it
 * was refused during the month or the month before (next month's targets are set before it
 * starts), and a refused file left in the inbox is read, and refused, again every night. A target
 * file of the same source loaded after it, under any name (a fixed copy is often renamed), or found
 * identical to one loaded before, ends the notice.
 */
public final class RefusedTargetFiles {

    private RefusedTargetFiles() {
    }

    /** The names of the target files refused for the month with no target file of their source loaded since, in name order. */
    public static List<String> of(JdbcTemplate jdbc, LocalDate month) {
        LocalDate start = month.withDayOfMonth(1);
        return jdbc.queryForList("SELECT DISTINCT r.file_name FROM ingest_load r WHERE r.kind = 'target' AND r.status = 'REFUSED'"
                + " AND r.business_date BETWEEN ? AND ?"
                + " AND NOT EXISTS (SELECT 1 FROM ingest_load l WHERE l.kind = 'target' AND l.status IN ('LOADED', 'DUPLICATE')"
                + "   AND l.source_name = r.source_name AND l.id > r.id)"
                + " ORDER BY r.file_name", String.class, start.minusMonths(1), start.plusMonths(1).minusDays(1));
    }
}
