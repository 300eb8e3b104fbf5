package com.kam.pipeline.ingest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs after the rows of one kind are stored, for all of the run's loads of that kind at once,
 * in one transaction: a newer load replaces what older loads of the same source held for the
 * same dates (a corrected file), derived tables are rebuilt (report days, stage changes from
 * snapshots), the touched dates are recorded for recomputation, and each load's counts are
 * written. Set-based, so a night of hundreds of files costs a handful of statements; keyed by
 * load, so running it again after a crash gives the same result.
 */
class LoadSettler implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadSettler.class);

    private final InputKind kind;
    private final KindTable table;
    private final IngestLoads loads;
    private final JdbcTemplate jdbc;
    /** Stage changes from snapshots share their table with the log; only the log's rows are this kind's. */
    private final String ownRows;

    LoadSettler(InputKind kind, IngestLoads loads, JdbcTemplate jdbc) {
        this.kind = kind;
        this.table = KindTable.of(kind);
        this.loads = loads;
        this.jdbc = jdbc;
        this.ownRows = kind == InputKind.STAGE_CHANGE ? " AND origin = 'LOG'" : "";
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IngestParameters run = IngestParameters.of(chunkContext.getStepContext().getStepExecution());
        List<IngestLoads.Load> pending = loads.pending(run.jobInstanceId(), kind);
        if (pending.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        String ids = String.join(",", pending.stream().map(l -> Long.toString(l.id())).toList());
        jdbc.update("DELETE FROM recompute_request WHERE load_id IN (" + ids + ")");
        if (kind == InputKind.ORG) {
            // the organisation file is a full extract: assignments it no longer lists are gone
            for (IngestLoads.Load load : pending) {
                jdbc.update("DELETE FROM org_assignment WHERE source_name = ? AND load_id < ?", load.sourceName(), load.id());
            }
        } else if (kind == InputKind.TARGET) {
            requestRecompute(ids, "month_start", "targets loaded");
        } else if (!table.keptByKey()) {
            settleDated(ids);
        }
        writeCounts(pending, ids);
        return RepeatStatus.FINISHED;
    }

    private void settleDated(String ids) {
        String date = table.dateColumn;
        requestRecompute(ids, date, "new rows");
        // dates for which older loads of the same source hold rows: those rows are replaced
        List<Map<String, Object>> replaced = jdbc.queryForList("SELECT n.load_id, n.source_name, n.d, COUNT(*) AS n FROM"
                + " (SELECT DISTINCT load_id, source_name, " + date + " AS d FROM " + table.table + " WHERE load_id IN (" + ids + ")"
                + ownRows + ") n JOIN " + table.table + " o ON o.source_name = n.source_name AND o." + date + " = n.d"
                + " AND o.load_id < n.load_id" + ownRows.replace("origin", "o.origin") + " GROUP BY n.load_id, n.source_name, n.d");
        for (Map<String, Object> r : replaced) {
            Object loadId = r.get("load_id");
            Object day = r.get("d");
            jdbc.update("DELETE FROM " + table.table + " WHERE source_name = ? AND " + date + " = ? AND load_id < ?" + ownRows,
                    r.get("source_name"), day, loadId);
            if (kind == InputKind.DAILY_REPORT) {
                jdbc.update("DELETE FROM report_day WHERE source_name = ? AND report_date = ? AND load_id < ?",
                        r.get("source_name"), day, loadId);
            }
            jdbc.update("UPDATE recompute_request SET reason = ? WHERE load_id = ? AND data_date = ?",
                    "replaced " + r.get("n") + " rows of earlier loads", loadId, day);
        }
        if (kind == InputKind.DAILY_REPORT) {
            ReportDays.rebuild(jdbc, ids);
        }
        if (kind == InputKind.OPPORTUNITY) {
            Map<String, List<LocalDate>> datesBySource = new TreeMap<>();
            jdbc.query("SELECT DISTINCT source_name, snapshot_date FROM opportunity_snapshot WHERE load_id IN (" + ids + ")",
                    rs -> {
                        datesBySource.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getDate(2).toLocalDate());
                    });
            datesBySource.forEach((source, dates) -> StageChangesFromSnapshots.derive(jdbc, source, dates));
        }
    }

    /** One request per load and date it touched. */
    private void requestRecompute(String ids, String dateColumn, String reason) {
        jdbc.update("INSERT INTO recompute_request (kind, data_date, load_id, reason, requested_at) SELECT DISTINCT ?, "
                + dateColumn + ", load_id, ?, ? FROM " + table.table + " WHERE load_id IN (" + ids + ")" + ownRows,
                kind.code(), reason, Timestamp.valueOf(LocalDateTime.now()));
    }

    private void writeCounts(List<IngestLoads.Load> pending, String ids) {
        Map<Long, Integer> loaded = countByLoad("SELECT load_id, COUNT(*) FROM " + table.table + " WHERE load_id IN (" + ids + ")"
                + ownRows + " GROUP BY load_id");
        Map<Long, Integer> rejected = countByLoad("SELECT load_id, COUNT(*) FROM ingest_reject WHERE load_id IN (" + ids + ")"
                + " GROUP BY load_id");
        for (IngestLoads.Load load : pending) {
            int read = load.rowsRead() == null ? 0 : load.rowsRead();
            int in = loaded.getOrDefault(load.id(), 0);
            int out = rejected.getOrDefault(load.id(), 0);
            loads.markLoaded(load.id(), read, in, out);
            if (read != in + out) {
                log.warn("{} {}: read {} rows but loaded {} and rejected {}", load.sourceName(), load.fileName(), read, in, out);
            }
        }
    }

    private Map<Long, Integer> countByLoad(String sql) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        return counts;
    }
}
