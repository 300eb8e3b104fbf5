package com.kam.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes validated rows into a MariaDB table with {@code LOAD DATA LOCAL INFILE}, streamed from
 * memory inside the chunk's transaction, formatted while the server already stores them: the server's own bulk path, several times faster than
 * batched INSERTs. The rows were checked in Java already; any warning from the server (a value
 * it would have to truncate or coerce) fails the chunk rather than storing a changed value.
 */
final class MariaDbLoadData {

    private MariaDbLoadData() {
    }

    /** Stores the rows; {@code columnValues} turns one into its column values (on the formatting thread). */
    static <T> void insert(JdbcTemplate jdbc, String table, List<String> columns, List<T> rows,
                           java.util.function.Function<T, Object[]> columnValues) {
        String sql = "LOAD DATA LOCAL INFILE 'kam-chunk.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + String.join(", ", columns) + ")";
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement(); TsvStream tsv = new TsvStream(rows, columnValues)) {
                statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(tsv.input());
                int loaded = statement.executeUpdate(sql);
                tsv.checkWritten();
                SQLWarning warning = statement.getWarnings();
                if (warning != null || loaded != rows.size()) {
                    throw new SQLException("LOAD DATA into " + table + " stored " + loaded + " of " + rows.size() + " rows"
                            + (warning == null ? "" : "; first warning: " + warning.getMessage()));
                }
            }
            return null;
        });
    }

    /**
     * The rows as tab-separated text, written on a thread of its own into a pipe that the driver
     * sends from: the server stores the first rows while the last are still being formatted.
     */
    private static final class TsvStream implements AutoCloseable {
        private final PipedInputStream input = new PipedInputStream(1 << 16);
        private final Thread writer;
        private volatile Exception failure;

        <T> TsvStream(List<T> rows, java.util.function.Function<T, Object[]> columnValues) throws SQLException {
            PipedOutputStream output;
            try {
                output = new PipedOutputStream(input);
            } catch (IOException e) {
                throw new SQLException(e);
            }
            writer = new Thread(() -> {
                try (output) {
                    StringBuilder block = new StringBuilder(64 * 1024);
                    for (T row : rows) {
                        appendRow(block, columnValues.apply(row));
                        if (block.length() > 60 * 1024) {
                            output.write(block.toString().getBytes(StandardCharsets.UTF_8));
                            block.setLength(0);
                        }
                    }
                    output.write(block.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
            }, "kam-tsv");
            writer.setDaemon(true);
            writer.start();
        }

        InputStream input() {
            return input;
        }

        void checkWritten() throws SQLException {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while formatting rows for LOAD DATA", e);
            }
            if (failure != null) {
                throw new SQLException("formatting rows for LOAD DATA failed: " + failure.getMessage(), failure);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                input.close(); // ends the writer too, should the statement have failed half-way
            } catch (IOException e) {
                throw new SQLException(e);
            }
        }
    }

    /** One row, tab-separated, in LOAD DATA's default escaping: \N for NULL, backslash escapes. */
    private static void appendRow(StringBuilder out, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append('\t');
            }
            append(out, row[c]);
        }
        out.append('\n');
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\0') {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean b) {
            out.append(b ? '1' : '0');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof LocalDateTime t) {
            out.append(t.toLocalDate()).append(' ').append(t.toLocalTime());
            if (t.getSecond() == 0 && t.getNano() == 0) {
                out.append(":00"); // LocalTime prints 19:30 for 19:30:00
            }
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(((Number) value).longValue());
        } else {
            String text = value.toString();
            if (!needsEscaping(text)) {
                out.append(text);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\0' -> out.append("\\0");
                    default -> out.append(ch);
                }
            }
        }
    }
}
