package com.kam.pipeline.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code opportunity_version} (V39): the snapshot rows in which a deal differs from its row in the
 * source's snapshot before, in what the forecast reads of it, and its first row. The forecast of a
 * date reads each deal's history (its latest row when closed, the close dates it was given) from
 * these rather than from every snapshot: with a nightly export a deal is in some 200 snapshots
 * while open and 90 after, and reading them all made a night's forecast read grow every night
 * (24 s instead of 5 s for 100 reps after a year). A row equal to the one before adds nothing to
 * either, so both read the same from the versions.
 */
public final class OpportunityVersions {

    /** What the forecast reads of a deal's row (forecast/AsOfDataReader), besides its id and date. */
    private static final List<String> READ = List.of("customer_id", "owner_id", "name", "product_line", "amount", "stage",
            "expected_close_date", "created_date", "closed_date", "forecast_category");
    private static final String COLUMNS = "opportunity_id, snapshot_date, load_id, line_no, source_name, " + String.join(", ", READ);
    /** The text columns among them: compared byte for byte (MariaDB's default collation has 'Cloud' = 'cloud '). */
    private static final List<String> TEXT = List.of("customer_id", "owner_id", "name", "product_line", "forecast_category");
    /**
     * The same row the snapshot before: every column read equal, both empty counting as equal.
     * BINARY(1200) holds the longest text (300 characters of up to 4 bytes): a shorter length
     * would cut it, on H2 to the length given.
     */
    private static final String UNCHANGED = READ.stream()
            .map(c -> TEXT.contains(c) ? "(CAST(p." + c + " AS BINARY(1200)) = CAST(c." + c + " AS BINARY(1200))"
                    + " OR (p." + c + " IS NULL AND c." + c + " IS NULL))"
                    : "(p." + c + " = c." + c + " OR (p." + c + " IS NULL AND c." + c + " IS NULL))")
            .collect(Collectors.joining(" AND "));

    private OpportunityVersions() {
    }

    /** Derives the versions of the snapshot dates loaded or replaced, and of the snapshot after each. */
    public static void derive(JdbcTemplate jdbc, String source, Collection<LocalDate> loaded) {
        for (LocalDate date : SnapshotDates.toDerive(jdbc, source, loaded)) {
            jdbc.update("DELETE FROM opportunity_version WHERE source_name = ? AND snapshot_date = ?", source, date);
            jdbc.update("INSERT INTO opportunity_version (" + COLUMNS + ") SELECT " + prefixed("c.") + " FROM opportunity_snapshot c"
                    + " WHERE c.source_name = ? AND c.snapshot_date = ? AND NOT EXISTS (SELECT 1 FROM opportunity_snapshot p"
                    + " WHERE p.source_name = c.source_name AND p.snapshot_date = ? AND p.opportunity_id = c.opportunity_id AND "
                    + UNCHANGED + ")", source, date, SnapshotDates.previous(jdbc, source, date));
        }
    }

    /** Derives the versions of every snapshot of every source (after rows were written without the ingest). */
    public static void deriveAll(JdbcTemplate jdbc) {
        jdbc.queryForList("SELECT DISTINCT source_name FROM opportunity_snapshot", String.class).forEach(source ->
                derive(jdbc, source, jdbc.queryForList("SELECT DISTINCT snapshot_date FROM opportunity_snapshot"
                        + " WHERE source_name = ?", LocalDate.class, source)));
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> alias + c).collect(Collectors.joining(", "));
    }
}
