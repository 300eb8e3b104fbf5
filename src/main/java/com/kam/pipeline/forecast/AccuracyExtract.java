package com.kam.pipeline.forecast;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finance's forecast accuracy extract: the stored {@code forecast_accuracy} rows of the nightly forecasts, one per
 * scored forecast, with the forecast's range and the entity as the forecast extract names it, written by the same
 * {@link ExtractFile}. Only the latest nightly run of each as-of date (the run the forecast extract of that date
 * holds; a forced rerun replaces the night's file), never a backtest's replay. The columns are documented in
 * jobs/forecast-extract.md; {@link #SCHEMA_VERSION} changes with them.
 */
@Component
class AccuracyExtract {

    /** The layout's version, the first column: a number (a number cell in the XLSX). */
    static final int SCHEMA_VERSION = 1;
    static final List<String> HEADER = List.of("schema_version", "period_type", "period_start", "period_end", "entity_type",
            "entity_id", "entity_name", "team_code", "region_code", "method", "horizon", "as_of_date", "p10", "p50", "p90",
            "actual", "abs_pct_error", "bias", "within_p10_p90", "actual_by_construction", "actual_snapshot_date",
            "computed_at", "run_id");

    /** The scored forecasts of the latest nightly run of each as-of date. */
    private static final String FROM = " FROM forecast_accuracy a JOIN (SELECT MAX(run_id) AS run_id FROM forecast_run"
            + " WHERE run_kind = '" + ForecastStore.NIGHTLY + "' AND status = 'DONE' GROUP BY as_of_date) l ON l.run_id = a.run_id";

    private final JdbcTemplate jdbc;

    AccuracyExtract(JdbcTemplate jdbc) {
        // a year of nights is millions of rows: read them in chunks as they are written, not all at once
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1000);
    }

    /**
     * The periods of an extract, whole months from {@code from} to {@code to} (either open): a period is in when it
     * lies wholly inside, so a quarter only with all three of its months.
     */
    record Months(YearMonth from, YearMonth to) {

        /** The default file name's part for the range: empty for all periods. */
        String suffix() {
            return from == null && to == null ? "" : from == null ? "_to-" + to : to == null ? "_from-" + from
                    : "_" + from + "-to-" + to;
        }

        String where(List<Object> args) {
            StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
            if (from != null) {
                sql.append(" AND a.period_start >= ?");
                args.add(Date.valueOf(from.atDay(1)));
            }
            if (to != null) {
                sql.append(" AND (a.period_type = 'QUARTER' AND a.period_start <= ? OR a.period_type <> 'QUARTER'"
                        + " AND a.period_start <= ?)");
                args.add(Date.valueOf(to.minusMonths(2).atDay(1)));
                args.add(Date.valueOf(to.atDay(1)));
            }
            return sql.toString();
        }
    }

    /** The default place: out/<today>/extracts/forecast-accuracy-<today>[_<from>-to-<to>].csv|xlsx. */
    static Path defaultFile(Path out, LocalDate today, Months months, String format) {
        return out.resolve(today.toString()).resolve("extracts")
                .resolve("forecast-accuracy-" + today + months.suffix() + "." + format);
    }

    /** How many rows an extract of these months has. */
    long count(Months months) {
        List<Object> args = new ArrayList<>();
        String where = months.where(args);
        return jdbc.queryForObject("SELECT COUNT(*)" + FROM + where, Long.class, args.toArray());
    }

    /** Writes the extract and returns what it holds per method. */
    Summary write(Months months, String format, Path file) throws IOException {
        Summary summary = new Summary();
        ExtractFile.write(file, format, "accuracy", HEADER, row -> rows(months, summary, row));
        return summary;
    }

    private void rows(Months months, Summary summary, Consumer<List<Object>> rows) {
        List<Object> args = new ArrayList<>();
        String where = months.where(args);
        jdbc.query("SELECT a.period_type, a.period_start, f.period_end, a.entity_type, a.entity_id, f.entity_name, "
                + FinanceExtract.teamAndRegion("a.entity_type", "a.entity_id", "a.as_of_date") + ", a.method, a.horizon,"
                + " a.as_of_date, f.p10, a.forecast_p50, f.p90, a.actual, a.abs_pct_error, a.bias, a.within_p10_p90,"
                + " a.actual_by_construction, a.actual_snapshot_date, a.computed_at, a.run_id" + FROM
                + " LEFT JOIN forecast f ON f.run_id = a.run_id AND f.horizon = a.horizon AND f.entity_type = a.entity_type"
                + " AND f.entity_id = a.entity_id AND f.method = a.method" + where
                + " ORDER BY a.period_start, a.period_type DESC, CASE a.entity_type WHEN 'COMPANY' THEN 1 WHEN 'REGION' THEN 2"
                + " WHEN 'TEAM' THEN 3 ELSE 4 END, a.entity_id, a.method, a.as_of_date, a.horizon", rs -> {
            List<Object> row = new ArrayList<>(HEADER.size());
            row.add(SCHEMA_VERSION);
            row.add(rs.getString(1));
            row.add(rs.getObject(2, LocalDate.class));
            row.add(rs.getObject(3, LocalDate.class));
            for (int i = 4; i <= 10; i++) {
                row.add(rs.getString(i));
            }
            row.add(rs.getObject(11, LocalDate.class));
            for (int i = 12; i <= 15; i++) {
                row.add(rs.getBigDecimal(i));
            }
            BigDecimal error = rs.getBigDecimal(16);
            BigDecimal bias = rs.getBigDecimal(17);
            row.add(error == null ? null : new ExtractFile.Rate(error));
            row.add(bias == null ? null : new ExtractFile.Rate(bias));
            row.add(rs.getObject(18, Boolean.class));
            boolean byConstruction = rs.getBoolean(19);
            row.add(byConstruction);
            row.add(rs.getObject(20, LocalDate.class));
            Timestamp computed = rs.getTimestamp(21);
            row.add(computed.toLocalDateTime());
            row.add(rs.getLong(22));
            summary.add(rs.getString(9), error, byConstruction);
            rows.accept(row);
        }, args.toArray());
    }

    /** Per method: the mean absolute percentage error of the rows to average, and the rows left out of it. */
    static final class Summary {

        /** One method's rows: those averaged and their summed error, those by construction, those without an error. */
        static final class Tally {
            int averaged;
            BigDecimal errors = BigDecimal.ZERO;
            int byConstruction;
            int withoutError;

            /** Mean absolute percentage error in percent, two decimals; null with no row to average. */
            BigDecimal mape() {
                return averaged == 0 ? null : errors.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(averaged), 2,
                        RoundingMode.HALF_UP);
            }
        }

        private final Map<String, Tally> methods = new LinkedHashMap<>();
        private int rows;

        /**
         * A forecast made from data to its period's last day is the actual by construction (error 0): left out, or every
         * method would look better than it is. One whose actual is 0 has no percentage error.
         */
        void add(String method, BigDecimal error, boolean byConstruction) {
            rows++;
            Tally t = methods.computeIfAbsent(method, m -> new Tally());
            if (byConstruction) {
                t.byConstruction++;
            } else if (error == null) {
                t.withoutError++;
            } else {
                t.averaged++;
                t.errors = t.errors.add(error);
            }
        }

        int rows() {
            return rows;
        }

        Tally of(String method) {
            return methods.get(method);
        }

        /** The summary's lines: a heading, then one line per method in the file, in the methods' order. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("MAPE per method (mean abs_pct_error over the rows not actual_by_construction, every level and horizon"
                    + " in the file):");
            for (Method m : Method.values()) {
                Tally t = methods.get(m.name());
                if (t == null) {
                    continue;
                }
                BigDecimal mape = t.mape();
                lines.add(String.format("  %-12s %8s over %d row(s); left out: %d actual_by_construction%s", m.name(),
                        mape == null ? "-" : mape.toPlainString() + " %", t.averaged, t.byConstruction,
                        t.withoutError == 0 ? "" : ", " + t.withoutError + " with actual 0 (no percentage error)"));
            }
            return lines;
        }
    }
}
