package com.kam.pipeline.ingest;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code ingest_load} table: which files and queries each run took in, and how they went. */
@Repository
public class IngestLoads {

    public static final String PENDING = "PENDING";
    public static final String LOADED = "LOADED";
    public static final String DUPLICATE = "DUPLICATE";
    /** A load an earlier run of the date left unsettled when a forced run started the date over. */
    public static final String ABANDONED = "ABANDONED";
    /** A load whose file could not be taken in whole (see {@link SourceRow#fileProblem}): it stays in the inbox. */
    public static final String REFUSED = "REFUSED";

    /** One row of ingest_load. */
    public record Load(long id, long jobInstanceId, LocalDate businessDate, String sourceName, String kind,
                       String fileName, String sha256, String status, Long duplicateOf, Integer rowsRead,
                       Integer rowsLoaded, Integer rowsRejected, Integer rowsWaiting, String archivedTo, String refusedReason) {

        boolean refused() {
            return REFUSED.equals(status);
        }

        /** The load as refused for the reason, before it is settled (see {@link IngestLoads#refuse}). */
        Load refusedFor(String reason) {
            return new Load(id, jobInstanceId, businessDate, sourceName, kind, fileName, sha256, status, duplicateOf, rowsRead,
                    rowsLoaded, rowsRejected, rowsWaiting, archivedTo, reason);
        }

        /** Whether rows of the file wait for a later night (see {@link CheckedRow.Waiting}): it stays in the inbox. */
        boolean leftRowsWaiting() {
            return rowsWaiting != null && rowsWaiting > 0;
        }
    }

    private final JdbcTemplate jdbc;

    public IngestLoads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(long jobInstanceId, LocalDate businessDate, Source source, String fileName, String sha256,
                String status, Long duplicateOf) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO ingest_load (job_instance_id, business_date, source_name, kind,"
                    + " file_name, sha256, status, duplicate_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, jobInstanceId);
            ps.setObject(2, java.sql.Date.valueOf(businessDate));
            ps.setString(3, source.name());
            ps.setString(4, source.kind().code());
            ps.setString(5, fileName);
            ps.setString(6, sha256);
            ps.setString(7, status);
            ps.setObject(8, duplicateOf);
            ps.setTimestamp(9, Timestamp.valueOf(LocalDateTime.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The load that already took in this exact file for this source and still holds its rows, if any. */
    Optional<Long> loadedWithChecksum(Source source, String sha256) {
        // a load that left rows waiting does not count: the same file is read again on their nights;
        // nor does one that read no rows: every empty export has the same bytes, and each is named as empty;
        // nor one whose rows a later file replaced (for some date, or some key): dropped again, it puts them back
        KindTable table = KindTable.of(source.kind());
        String stillHeld = table.keptByKey()
                ? " AND rows_loaded = (SELECT COUNT(*) FROM " + table.table + " t WHERE t.load_id = ingest_load.id)"
                : " AND rows_loaded = (SELECT COALESCE(SUM(d.row_count), 0) FROM ingest_load_date d WHERE d.load_id = ingest_load.id)";
        return jdbc.queryForList("SELECT id FROM ingest_load WHERE source_name = ? AND sha256 = ? AND status = ?"
                        + " AND COALESCE(rows_waiting, 0) = 0 AND COALESCE(rows_read, 0) > 0" + stillHeld + " ORDER BY id",
                Long.class, source.name(), sha256, LOADED).stream().findFirst();
    }

    /**
     * Marks the loads that other runs of the business date claimed and never settled: a run of
     * the date that starts over (forced) loads their files again, so they never will. Returns how
     * many.
     */
    int abandonOthers(long jobInstanceId, LocalDate businessDate) {
        return jdbc.update("UPDATE ingest_load SET status = ?, finished_at = ? WHERE business_date = ? AND job_instance_id <> ?"
                + " AND status = ?", ABANDONED, Timestamp.valueOf(LocalDateTime.now()), java.sql.Date.valueOf(businessDate),
                jobInstanceId, PENDING);
    }

    /** Loads of one kind claimed by a job instance and not yet settled, oldest first. */
    List<Load> pending(long jobInstanceId, InputKind kind) {
        return jdbc.query("SELECT * FROM ingest_load WHERE job_instance_id = ? AND kind = ? AND status = ? ORDER BY id",
                IngestLoads::map, jobInstanceId, kind.code(), PENDING);
    }

    public List<Load> ofJobInstance(long jobInstanceId) {
        return jdbc.query("SELECT * FROM ingest_load WHERE job_instance_id = ? ORDER BY id", IngestLoads::map, jobInstanceId);
    }

    /** Settles a load: {@link #LOADED}, or {@link #REFUSED} when a row refused its file. */
    /**
     * Refuses a load the settle step will not take (every row rejected, an empty organisation
     * file): its reason is stored, and the load returned carries it.
     */
    Load refuse(Load load, String reason) {
        jdbc.update("UPDATE ingest_load SET refused_reason = ? WHERE id = ?", reason, load.id());
        return load.refusedFor(reason);
    }

    void markSettled(Load load, int read, int loaded, int rejected, int waiting) {
        jdbc.update("UPDATE ingest_load SET status = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_waiting = ?,"
                + " finished_at = ? WHERE id = ?", load.refusedReason() == null ? LOADED : REFUSED, read, loaded, rejected,
                waiting, Timestamp.valueOf(LocalDateTime.now()), load.id());
    }

    void recordRowsRead(long loadId, long read) {
        jdbc.update("UPDATE ingest_load SET rows_read = ? WHERE id = ?", read, loadId);
    }

    void markArchived(long loadId, Path archivedTo) {
        jdbc.update("UPDATE ingest_load SET archived_to = ? WHERE id = ?", archivedTo.toString(), loadId);
    }

    private static Load map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Load(rs.getLong("id"), rs.getLong("job_instance_id"), rs.getDate("business_date").toLocalDate(),
                rs.getString("source_name"), rs.getString("kind"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("status"), (Long) rs.getObject("duplicate_of", Long.class),
                (Integer) rs.getObject("rows_read", Integer.class), (Integer) rs.getObject("rows_loaded", Integer.class),
                (Integer) rs.getObject("rows_rejected", Integer.class), (Integer) rs.getObject("rows_waiting", Integer.class),
                rs.getString("archived_to"), rs.getString("refused_reason"));
    }
}
