package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk in one transaction: valid rows into their kind's table (replacing the same key
 * for master data), rejects into {@code ingest_reject}. Batched statements, no row-by-row trips.
 */
class LoadWriter implements ItemWriter<CheckedRow> {

    static final String INSERT_REJECT = "INSERT INTO ingest_reject (load_id, source_name, file_name, line_no, field_name,"
            + " field_value, reason, raw_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final KindTable table;
    private final JdbcTemplate jdbc;
    private final String insertSql;
    private Boolean mariaDb;

    LoadWriter(InputKind kind, JdbcTemplate jdbc) {
        this.table = KindTable.of(kind);
        this.jdbc = jdbc;
        this.insertSql = table.insertSql();
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) {
        List<Object[]> inserts = new ArrayList<>(chunk.size());
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        for (CheckedRow row : chunk) {
            if (row instanceof CheckedRow.Valid valid) {
                inserts.add(table.insertParameters(valid));
                if (table.keptByKey()) {
                    keys.add(table.keyParameters(valid));
                }
            } else if (row instanceof CheckedRow.Rejected r) {
                rejects.add(new Object[] {r.load().id(), r.load().source().name(), r.load().fileName(), r.line(),
                        r.field(), clip(r.value()), clip(r.reason()), r.raw()});
            }
        }
        if (!keys.isEmpty()) {
            jdbc.batchUpdate(table.deleteByKeySql(), keys);
        }
        if (!inserts.isEmpty() && !table.keptByKey() && onMariaDb()) {
            MariaDbLoadData.insert(jdbc, table.table, table.columns(), inserts);
        } else if (!inserts.isEmpty()) {
            jdbc.batchUpdate(insertSql, inserts);
        }

        if (!rejects.isEmpty()) {
            jdbc.batchUpdate(INSERT_REJECT, rejects);
        }
    }

    /** Dated rows come in volume; on MariaDB they go through its bulk loader. */
    private boolean onMariaDb() {
        if (mariaDb == null) {
            mariaDb = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("mariadb"));
        }
        return mariaDb;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
