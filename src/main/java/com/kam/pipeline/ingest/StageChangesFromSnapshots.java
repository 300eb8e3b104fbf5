package com.kam.pipeline.ingest;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stage history for sources without a stage-change log: an opportunity whose stage in a
 * snapshot differs from the previous snapshot of the same source changed stage on that
 * snapshot's date; one first seen has no previous stage. Recomputes the given snapshot dates and
 * the snapshot after each ({@link SnapshotDates}).
 */
final class StageChangesFromSnapshots {

    private StageChangesFromSnapshots() {
    }

    static void derive(JdbcTemplate jdbc, String source, java.util.List<LocalDate> snapshotDates) {
        for (LocalDate date : SnapshotDates.toDerive(jdbc, source, snapshotDates)) {
            deriveOne(jdbc, source, date);
        }
    }

    private static void deriveOne(JdbcTemplate jdbc, String source, LocalDate date) {
        LocalDate previous = SnapshotDates.previous(jdbc, source, date);
        jdbc.update("DELETE FROM opportunity_stage_change WHERE origin = 'SNAPSHOT' AND source_name = ? AND changed_on = ?",
                source, date);
        jdbc.update("INSERT INTO opportunity_stage_change (opportunity_id, changed_on, from_stage, to_stage, origin, load_id,"
                + " source_name) SELECT c.opportunity_id, c.snapshot_date, p.stage, c.stage, 'SNAPSHOT', c.load_id, c.source_name"
                + " FROM opportunity_snapshot c LEFT JOIN opportunity_snapshot p ON p.opportunity_id = c.opportunity_id"
                + " AND p.source_name = c.source_name AND p.snapshot_date = ?"
                + " WHERE c.source_name = ? AND c.snapshot_date = ? AND (p.stage IS NULL OR p.stage <> c.stage)",
                previous, source, date);
    }
}
