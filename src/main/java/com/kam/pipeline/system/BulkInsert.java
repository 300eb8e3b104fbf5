package com.kam.pipeline.system;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores many rows into one table in the caller's transaction: on MariaDB through its bulk loader
 * ({@code LOAD DATA LOCAL INFILE}, streamed from memory), elsewhere as batched INSERTs.
 */
public final class BulkInsert {

    private BulkInsert() {
    }

    /** Stores {@code rows}; {@code columnValues} gives one row's values in {@code columns} order. */
    public static <T> void insert(JdbcTemplate jdbc, String table, List<String> columns, List<T> rows,
                                  Function<T, Object[]> columnValues) {
        if (rows.isEmpty()) {
            return;
        }
        if (onMariaDb(jdbc)) {
            MariaDbLoadData.insert(jdbc, table, columns, rows, columnValues);
        } else {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", rows.stream().map(columnValues).toList());
        }
    }

    /**
     * For {@code kam check}: how rows are stored on this database; throws {@link LocalInfileRefused}
     * when MariaDB would refuse its bulk loader (the ingest and the rollup would fail on it).
     */
    public static String check(JdbcTemplate jdbc) {
        if (!onMariaDb(jdbc)) {
            return "batched INSERTs (LOAD DATA LOCAL INFILE is MariaDB's)";
        }
        MariaDbLoadData.checkAllowed(jdbc);
        return "MariaDB allows LOAD DATA LOCAL INFILE";
    }

    private static boolean onMariaDb(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb"));
    }
}
