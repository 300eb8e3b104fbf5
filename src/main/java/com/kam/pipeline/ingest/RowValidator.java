package com.kam.pipeline.ingest;

import com.kam.pipeline.system.KamProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks each parsed row (formats were checked by {@link RowParser}): the business rules
 * ({@link RowChecks}), then duplicates within the load. Never drops a row: what fails comes out
 * as a {@link CheckedRow.Rejected} with its reason, and what is early as a {@link CheckedRow.Waiting}. Runs on the reader's background thread, one
 * row after another in file order; {@link #beforeStep} prepares it before that thread starts.
 */
class RowValidator implements StepExecutionListener {

    private final InputKind kind;
    private final KindTable table;
    private final JdbcTemplate jdbc;
    private final KamProperties properties;
    // loads are read one after another, so only the current load's keys are kept
    private long seenLoadId = -1;
    private SeenKeys seenKeys;
    private RowChecks checks;

    RowValidator(InputKind kind, JdbcTemplate jdbc, KamProperties properties) {
        this.kind = kind;
        this.table = KindTable.of(kind);
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        IngestParameters run = IngestParameters.of(stepExecution);
        checks = new RowChecks(run.businessDate(), properties.ingest().planDaysAhead(),
                properties.ingest().newDealWaitDays(), ReferenceData.load(jdbc, kind));
        seenLoadId = -1;
        seenKeys = null;
    }

    CheckedRow check(CheckedRow parsed) {
        if (!(parsed instanceof CheckedRow.Valid valid)) {
            return parsed;
        }
        CheckedRow.Waiting waiting = checks.waiting(valid);
        if (waiting != null) {
            return waiting;
        }
        CheckedRow.Rejected rejected = checks.check(valid);
        if (rejected != null) {
            return rejected;
        }
        SeenKeys.Earlier earlier = seenKeys(valid.load().id()).add(table.key(valid), valid.line(), valid.values());
        if (earlier != null) {
            return RowChecks.reject(valid, String.join("+", kind.keyFields()), null, "duplicate " + rowName()
                    + ": same " + String.join(", ", kind.keyFields()) + " as "
                    + (earlier.line() > 0 ? "line " + earlier.line() : "an earlier row")
                    + (earlier.differences().isEmpty() ? "" : " and different " + String.join(", ", earlier.differences())
                            + ": correct one of them"));
        }
        return valid;
    }

    /**
     * Keys already seen in a load. After a restart the rows committed before the crash are in
     * the table, not in memory, so the set starts from them.
     */
    private SeenKeys seenKeys(long loadId) {
        if (loadId != seenLoadId) {
            seenLoadId = loadId;
            seenKeys = new SeenKeys(kind, keysStored(loadId));
        }
        return seenKeys;
    }

    private Map<List<Object>, Long> keysStored(long id) {
        Map<List<Object>, Long> seen = new HashMap<>();
        String lineColumn = table.keptByKey() ? "-1" : "line_no";
        jdbc.query("SELECT " + String.join(", ", table.keyColumns) + ", " + lineColumn + " FROM " + table.table
                + " WHERE load_id = ?" + datesOfLoad(), rs -> {
            Object[] key = new Object[table.keyColumns.size()];
            for (int c = 0; c < key.length; c++) {
                key[c] = rs.getObject(c + 1);
            }
            seen.put(KindTable.key(key), rs.getLong(key.length + 1));
        }, table.keptByKey() ? new Object[] {id} : new Object[] {id, id});
        return seen;
    }

    /** Dated tables are clustered by date: reach a load's rows through the dates it covers. */
    private String datesOfLoad() {
        return table.keptByKey() ? "" : " AND " + table.dateColumn
                + " IN (SELECT data_date FROM ingest_load_date WHERE load_id = ?)";
    }

    private String rowName() {
        return switch (kind) {
            case ORG -> "assignment";
            case CUSTOMER -> "customer";
            case TARGET -> "target";
            case VISIT_PLAN -> "planned visit";
            case DAILY_REPORT -> "visit";
            case OPPORTUNITY -> "opportunity in the snapshot";
            case STAGE_CHANGE -> "stage change";
        };
    }
}
