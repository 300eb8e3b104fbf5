package com.kam.pipeline.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a configured query on a JDBC source (a CRM's reporting database). The query may use
 * {@code :business_date}; column labels are matched like CSV headers.
 */
final class JdbcRowSource implements RowSource {

    private final LoadRef load;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final HeaderMap header;
    private final int columns;
    private long rowNumber;

    JdbcRowSource(LoadRef load, LocalDate businessDate) throws IOException {
        this.load = load;
        Source.JdbcSettings jdbc = load.source().jdbc();
        try {
            connection = DriverManager.getConnection(jdbc.url(), jdbc.username(), jdbc.password());
            connection.setReadOnly(true);
            String sql = load.source().sql();
            int parameters = 0;
            while (sql.contains(":business_date")) {
                sql = sql.replaceFirst(":business_date", "?");
                parameters++;
            }
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(1000);
            for (int p = 1; p <= parameters; p++) {
                statement.setObject(p, businessDate);
            }
            resultSet = statement.executeQuery();
            ResultSetMetaData meta = resultSet.getMetaData();
            columns = meta.getColumnCount();
            List<String> labels = new ArrayList<>();
            for (int c = 1; c <= columns; c++) {
                labels.add(meta.getColumnLabel(c));
            }
            header = new HeaderMap(load, labels, 0);
        } catch (SQLException e) {
            throw new IOException("source " + load.source().name() + ": query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public SourceRow next() throws IOException {
        try {
            if (!resultSet.next()) {
                return null;
            }
            rowNumber++;
            List<String> cells = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                cells.add(text(resultSet.getObject(c)));
            }
            return header.row(load, rowNumber, cells, () -> String.join(",", cells.stream().map(v -> v == null ? "" : v).toList()));
        } catch (SQLException e) {
            throw new IOException("source " + load.source().name() + ": reading row " + (rowNumber + 1) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp timestamp) {
            return com.kam.pipeline.system.DateTimeText.of(timestamp.toLocalDateTime());
        }
        if (value instanceof java.time.LocalDateTime dateTime) {
            return com.kam.pipeline.system.DateTimeText.of(dateTime);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    @Override
    public void close() throws IOException {
        try (connection; statement; resultSet) {
            // closes all three
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
