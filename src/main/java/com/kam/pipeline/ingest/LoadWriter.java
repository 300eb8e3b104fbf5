package com.kam.pipeline.ingest;

import com.kam.pipeline.system.BulkInsert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk in one transaction: valid rows into their kind's table (replacing the same key
 * for master data), rejects into {@code ingest_reject}, rows that wait for a later night into
 * {@code ingest_waiting}, and a reason that refuses a whole file onto its load (settled by
 * {@link LoadSettler}). Batched statements, no row-by-row trips.
 */
class LoadWriter implements ItemWriter<CheckedRow> {

    static final String INSERT_REJECT = "INSERT INTO ingest_reject (load_id, source_name, file_name, line_no, field_name,"
            + " field_value, reason, raw_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final KindTable table;
    private final JdbcTemplate jdbc;
    private final String insertSql;
    private final String kindCode;

    LoadWriter(InputKind kind, JdbcTemplate jdbc) {
        this.table = KindTable.of(kind);
        this.kindCode = kind.code();
        this.jdbc = jdbc;
        this.insertSql = table.insertSql();
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) {
        List<CheckedRow.Valid> valid = new ArrayList<>(chunk.size());
        List<Object[]> rejects = new ArrayList<>();
        List<Object[]> waiting = new ArrayList<>();
        // per load refused by a row of this chunk, the first reason
        Map<Long, String> refused = new LinkedHashMap<>();
        for (CheckedRow row : chunk) {
            if (row instanceof CheckedRow.Valid v) {
                valid.add(v);
            } else if (row instanceof CheckedRow.Rejected r) {
                rejects.add(new Object[] {r.load().id(), r.load().source().name(), r.load().fileName(), r.line(),
                        r.field(), clip(r.value()), clip(r.reason()), r.raw()});
                if (r.wholeFile()) {
                    refused.putIfAbsent(r.load().id(), clip(r.reason()));
                }
            } else if (row instanceof CheckedRow.Waiting w) {
                waiting.add(new Object[] {w.load().id(), w.line(), java.sql.Date.valueOf(w.date()), clip(w.reason()), w.raw()});
            }
        }
        if (table.keptByKey() && !valid.isEmpty()) {
            // a key twice in one chunk (two files of one night with the same target): the later row
            // replaces the earlier, as it does across chunks
            Map<List<Object>, CheckedRow.Valid> lastByKey = new LinkedHashMap<>();
            valid.forEach(row -> lastByKey.put(java.util.Arrays.asList(table.keyParameters(row)), row));
            List<CheckedRow.Valid> kept = new ArrayList<>(lastByKey.values());
            jdbc.batchUpdate(table.deleteByKeySql(), kept.stream().map(table::keyParameters).toList());
            jdbc.batchUpdate(insertSql, kept.stream().map(table::insertParameters).toList());
        } else {
            // dated rows come in volume: the database's bulk path
            BulkInsert.insert(jdbc, table.table, table.columns(), valid, table::insertParameters);
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate(INSERT_REJECT, rejects);
        }
        refused.forEach((load, reason) -> jdbc.update("UPDATE ingest_load SET refused_reason = ? WHERE id = ?"
                + " AND refused_reason IS NULL", reason, load));
        if (!waiting.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ingest_waiting (load_id, line_no, data_date, reason, raw_row) VALUES (?, ?, ?, ?, ?)", waiting);
        }
        if (!table.keptByKey()) {
            recordCoverage(valid);
        }
    }

    /**
     * Counts the chunk's rows per load and date into {@code ingest_load_date}, with the sum of
     * their fingerprints ({@link KindTable#contentHash}), in the chunk's own transaction, so the
     * coverage of each load is exact even across a restart.
     */
    private void recordCoverage(List<CheckedRow.Valid> valid) {
        // per load, date and source: rows and the sum of their fingerprints
        Map<List<Object>, long[]> coverage = new LinkedHashMap<>();
        int dateField = table.dateFieldIndex();
        LoadRef runLoad = null;
        Object runDate = null;
        long[] sums = null;
        for (CheckedRow.Valid row : valid) { // rows of a load and date mostly come together: look up once per run
            Object date = row.values()[dateField];
            if (row.load() != runLoad || !date.equals(runDate)) {
                runLoad = row.load();
                runDate = date;
                sums = coverage.computeIfAbsent(List.of(runLoad.id(), date, runLoad.source().name()), key -> new long[2]);
            }
            sums[0]++;
            sums[1] += table.contentHash(row);
        }
        List<Object[]> rows = new ArrayList<>(coverage.size());
        coverage.forEach((key, sum) -> rows.add(new Object[] {key.get(0), key.get(2), kindCode, key.get(1), sum[0], sum[1]}));
        jdbc.batchUpdate("INSERT INTO ingest_load_date (load_id, source_name, kind, data_date, row_count, content_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE row_count = row_count + VALUES(row_count),"
                + " content_hash = content_hash + VALUES(content_hash)", rows);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
