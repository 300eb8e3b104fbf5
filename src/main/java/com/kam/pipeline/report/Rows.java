package com.kam.pipeline.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Query results in the shape the templates declare: column names in lower case, every number as
 * BigDecimal (H2 and MariaDB return different integer types for the same SQL) and dates as
 * ISO text, so a template's field classes hold on both databases.
 */
final class Rows {

    private Rows() {
    }

    static List<Map<String, ?>> query(JdbcTemplate jdbc, String sql, Object... args) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(sql, args)) {
            rows.add(normalise(row));
        }
        return rows;
    }

    static Map<String, Object> normalise(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(column.toLowerCase(java.util.Locale.ROOT), value(value)));
        return out;
    }

    static Object value(Object value) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Timestamp time) {
            return com.kam.pipeline.system.DateTimeText.of(time.toLocalDateTime());
        }
        if (value instanceof java.time.LocalDate date) {
            return date.toString();
        }
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value;
    }
}
