package com.kam.pipeline.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The snapshot dates of one source that what is derived by comparing a snapshot with the one
 * before ({@link StageChangesFromSnapshots}, {@link OpportunityVersions}) must be derived again
 * for, once some dates were loaded or replaced: those dates, and the snapshot after each, whose
 * comparison base may have changed.
 */
final class SnapshotDates {

    private SnapshotDates() {
    }

    static SortedSet<LocalDate> toDerive(JdbcTemplate jdbc, String source, Collection<LocalDate> loaded) {
        SortedSet<LocalDate> dates = new TreeSet<>(loaded);
        for (LocalDate date : loaded) {
            LocalDate next = jdbc.queryForObject("SELECT MIN(snapshot_date) FROM opportunity_snapshot WHERE source_name = ?"
                    + " AND snapshot_date > ?", LocalDate.class, source, date);
            if (next != null) {
                dates.add(next);
            }
        }
        return dates;
    }

    /** The source's snapshot before the date, or null. */
    static LocalDate previous(JdbcTemplate jdbc, String source, LocalDate date) {
        return jdbc.queryForObject("SELECT MAX(snapshot_date) FROM opportunity_snapshot WHERE source_name = ?"
                + " AND snapshot_date < ?", LocalDate.class, source, date);
    }
}
