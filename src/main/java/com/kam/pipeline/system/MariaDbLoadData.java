package com.kam.pipeline.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
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
                int loaded = loadData(statement, sql);
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
     * Throws {@link LocalInfileRefused} when MariaDB refuses {@code LOAD DATA LOCAL INFILE}, writing
     * nothing: the statement names a table that does not exist, which the server looks for only
     * once it has allowed the statement (its answer then: no such table).
     */
    static void checkAllowed(JdbcTemplate jdbc) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(InputStream.nullInputStream());
                loadData(statement, "LOAD DATA LOCAL INFILE 'kam-check.tsv' INTO TABLE kam_local_infile_check");
            } catch (SQLException allowed) {
                // not refused: any other answer comes after the server allowed the statement
            }
            return null;
        });
    }

    /** Executes a LOAD DATA LOCAL statement, returning its rows; a refusal of it is thrown as {@link LocalInfileRefused}. */
    private static int loadData(Statement statement, String sql) throws SQLException {
        try {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            Optional<LocalInfileRefused> refused = LocalInfileRefused.of(e);
            if (refused.isPresent()) {
                throw refused.get();
            }
            throw e;
        }
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
                    Utf8Block block = new Utf8Block(64 * 1024);
                    for (T row : rows) {
                        appendRow(block, columnValues.apply(row));
                        if (block.size() > 60 * 1024) {
                            block.writeTo(output);
                        }
                    }
                    block.writeTo(output);
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

    /** One row, tab-separated, in LOAD DATA's default escaping: \\N for NULL, backslash escapes. */
    private static void appendRow(Utf8Block out, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.ascii('\t');
            }
            append(out, row[c]);
        }
        out.ascii('\n');
    }

    private static void append(Utf8Block out, Object value) {
        if (value == null) {
            out.ascii('\\').ascii('N');
        } else if (value instanceof Boolean b) {
            out.ascii(b ? '1' : '0');
        } else if (value instanceof BigDecimal d) {
            out.text(d.toPlainString());
        } else if (value instanceof LocalDate d) {
            out.date(d);
        } else if (value instanceof LocalDateTime t) {
            out.date(t.toLocalDate()).ascii(' ').text(t.toLocalTime().toString());
            if (t.getSecond() == 0 && t.getNano() == 0) {
                out.text(":00"); // LocalTime prints 19:30 for 19:30:00
            }
        } else if (value instanceof Long || value instanceof Integer) {
            out.number(((Number) value).longValue());
        } else {
            out.escapedText(value.toString());
        }
    }

    /**
     * A growing byte buffer that encodes as it appends: UTF-8 straight from the values, without
     * building a String of the block and encoding it again.
     */
    static final class Utf8Block {
        private byte[] bytes;
        private int size;

        Utf8Block(int capacity) {
            bytes = new byte[capacity];
        }

        int size() {
            return size;
        }

        void writeTo(java.io.OutputStream output) throws IOException {
            output.write(bytes, 0, size);
            size = 0;
        }

        Utf8Block ascii(char ch) {
            room(1);
            bytes[size++] = (byte) ch;
            return this;
        }

        Utf8Block text(String text) {
            room(text.length() * 3);
            for (int i = 0; i < text.length(); i++) {
                i = put(text, i);
            }
            return this;
        }

        /** Text with LOAD DATA's escapes for backslash, tab, line breaks and NUL. */
        void escapedText(String text) {
            room(text.length() * 3 + 16);
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\0' -> escape('0');
                    default -> i = put(text, i);
                }
            }
        }

        Utf8Block date(LocalDate date) {
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                return text(date.toString());
            }
            number(date.getYear());
            ascii('-').twoDigits(date.getMonthValue());
            ascii('-').twoDigits(date.getDayOfMonth());
            return this;
        }

        void number(long value) {
            text(Long.toString(value));
        }

        private void twoDigits(int value) {
            ascii((char) ('0' + value / 10)).ascii((char) ('0' + value % 10));
        }

        private void escape(char ch) {
            room(2);
            bytes[size++] = '\\';
            bytes[size++] = (byte) ch;
        }

        /** Encodes the character at {@code i} (with its low surrogate if any); returns the last index used. */
        private int put(String text, int i) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                bytes[size++] = (byte) ch;
            } else if (ch < 0x800) {
                bytes[size++] = (byte) (0xC0 | ch >> 6);
                bytes[size++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                room(1); // four bytes for the pair, where room() counted three per char
                int cp = Character.toCodePoint(ch, text.charAt(++i));
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(ch)) {
                bytes[size++] = '?'; // half a pair is no character: as String.getBytes replaces it
            } else {
                bytes[size++] = (byte) (0xE0 | ch >> 12);
                bytes[size++] = (byte) (0x80 | ch >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | ch & 0x3F);
            }
            return i;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
