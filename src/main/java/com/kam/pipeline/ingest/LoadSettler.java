package com.kam.pipeline.ingest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs after the rows of one kind are stored, load by load in claim order, in one transaction:
 * a newer load replaces what older loads of the same source held for the same dates (a
 * corrected file), derived tables are rebuilt (report days, stage changes from snapshots), the
 * touched dates are recorded for recomputation, and the load's counts are written. Every action
 * is keyed by the load, so running it again after a crash gives the same result.
 */
class LoadSettler implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadSettler.class);

    private final InputKind kind;
    private final KindTable table;
    private final IngestLoads loads;
    private final JdbcTemplate jdbc;

    LoadSettler(InputKind kind, IngestLoads loads, JdbcTemplate jdbc) {
        this.kind = kind;
        this.table = KindTable.of(kind);
        this.loads = loads;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IngestParameters run = IngestParameters.of(chunkContext.getStepContext().getStepExecution());
        for (IngestLoads.Load load : loads.pending(run.jobInstanceId(), kind)) {
            settle(load);
        }
        return RepeatStatus.FINISHED;
    }

    private void settle(IngestLoads.Load load) {
        jdbc.update("DELETE FROM recompute_request WHERE load_id = ?", load.id());
        if (table.keptByKey()) {
            settleMasterData(load);
        } else {
            settleDated(load);
        }
        int loaded = count("SELECT COUNT(*) FROM " + table.table + " WHERE load_id = ?"
                + (kind == InputKind.STAGE_CHANGE ? " AND origin = 'LOG'" : ""), load.id());
        int rejected = count("SELECT COUNT(*) FROM ingest_reject WHERE load_id = ?", load.id());
        int read = load.rowsRead() == null ? 0 : load.rowsRead();
        loads.markLoaded(load.id(), read, loaded, rejected);
        if (read != loaded + rejected) {
            log.warn("{} {}: read {} rows but loaded {} and rejected {}", load.sourceName(), load.fileName(), read, loaded, rejected);
        }
    }

    private void settleMasterData(IngestLoads.Load load) {
        if (kind == InputKind.ORG) {
            // the organisation file is a full extract: assignments it no longer lists are gone
            jdbc.update("DELETE FROM org_assignment WHERE source_name = ? AND load_id < ?", load.sourceName(), load.id());
        }
        if (kind == InputKind.TARGET) {
            for (LocalDate month : dates("SELECT DISTINCT month_start FROM sales_target WHERE load_id = ?", load.id())) {
                requestRecompute(load, month, "targets loaded");
            }
        }
    }

    private void settleDated(IngestLoads.Load load) {
        String logOnly = kind == InputKind.STAGE_CHANGE ? " AND origin = 'LOG'" : "";
        List<LocalDate> dates = dates("SELECT DISTINCT " + table.dateColumn + " FROM " + table.table + " WHERE load_id = ?"
                + logOnly, load.id());
        for (LocalDate date : dates) {
            int replaced = jdbc.update("DELETE FROM " + table.table + " WHERE source_name = ? AND " + table.dateColumn
                    + " = ? AND load_id < ?" + logOnly, load.sourceName(), date, load.id());
            if (kind == InputKind.DAILY_REPORT) {
                jdbc.update("DELETE FROM report_day WHERE source_name = ? AND report_date = ? AND load_id < ?",
                        load.sourceName(), date, load.id());
            }
            requestRecompute(load, date, replaced > 0 ? "replaced " + replaced + " rows of earlier loads" : "new rows");
        }
        if (kind == InputKind.DAILY_REPORT) {
            ReportDays.rebuild(jdbc, load.id());
        }
        if (kind == InputKind.OPPORTUNITY) {
            for (LocalDate date : dates) {
                StageChangesFromSnapshots.derive(jdbc, load.sourceName(), date);
            }
        }
    }

    private void requestRecompute(IngestLoads.Load load, LocalDate date, String reason) {
        jdbc.update("INSERT INTO recompute_request (kind, data_date, load_id, reason, requested_at) VALUES (?, ?, ?, ?, ?)",
                kind.code(), date, load.id(), reason, Timestamp.valueOf(LocalDateTime.now()));
    }

    private List<LocalDate> dates(String sql, long loadId) {
        List<LocalDate> dates = new ArrayList<>();
        jdbc.query(sql, rs -> {
            dates.add(rs.getDate(1).toLocalDate());
        }, loadId);
        return dates;
    }

    private int count(String sql, long loadId) {
        Integer n = jdbc.queryForObject(sql, Integer.class, loadId);
        return n == null ? 0 : n;
    }
}
