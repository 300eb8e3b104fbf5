package com.kam.pipeline.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The finance forecast extract of the latest nightly run of an as-of date, as CSV (UTF-8 with a
 * BOM so Excel shows Chinese) or XLSX (typed cells: amounts, dates, a frozen header with a filter;
 * see {@link ExtractFile}). Text cells starting with = + - @ are neutralised. The columns are documented in jobs/forecast-extract.md; {@link #SCHEMA_VERSION} changes with them.
 */
@Component
public class FinanceExtract {

    /** The layout's version, the first column: a number (a number cell in the XLSX). */
    public static final int SCHEMA_VERSION = 2;
    static final List<String> HEADER = List.of("schema_version", "period_type", "period_start", "period_end", "entity_type",
            "entity_id", "entity_name", "method", "p10", "p50", "p90", "as_of_date", "generated_at", "snapshot_date", "closed_won",
            "target", "team_code", "region_code", "run_id");

    /** No stored nightly run for the date. */
    public static class NoRunException extends RuntimeException {
        NoRunException(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;

    FinanceExtract(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The default place of an extract: out/<date>/extracts/forecast-<date>.csv|xlsx. */
    public static Path defaultFile(Path out, LocalDate asOf, String format) {
        return out.resolve(asOf.toString()).resolve("extracts").resolve("forecast-" + asOf + "." + format);
    }

    public Path write(LocalDate asOf, String format, Path file) throws IOException {
        long run = latestRun(asOf);
        ExtractFile.write(file, format, "forecast", HEADER, row -> rows(run, row));
        return file;
    }

    /** The latest nightly run of the date, whose rows the extract of that date holds. */
    private long latestRun(LocalDate asOf) {
        List<Long> runs = jdbc.queryForList("SELECT run_id FROM forecast_run WHERE as_of_date = ? AND run_kind = 'NIGHTLY'"
                + " AND status = 'DONE' ORDER BY run_id DESC", Long.class, Date.valueOf(asOf));
        if (runs.isEmpty()) {
            throw new NoRunException("no forecast run is stored as of " + asOf + "; run `kam forecast --date " + asOf + "` first");
        }
        return runs.get(0);
    }

    private void rows(long run, Consumer<List<Object>> rows) {
        jdbc.query("SELECT f.period_type, f.period_start, f.period_end, f.entity_type, f.entity_id, f.entity_name, f.method,"
                + " f.p10, f.p50, f.p90, r.as_of_date, r.generated_at, r.snapshot_date, f.closed_won, f.target,"
                + " " + teamAndRegion("f.entity_type", "f.entity_id", "r.as_of_date") + ", r.run_id"
                + " FROM forecast f JOIN forecast_run r ON r.run_id = f.run_id"
                // as finance reads them (jobs/forecast-extract.md): entity by entity, each one's months before its
                // quarters, in date order, then method; a total order, so a run always writes the same file
                + " WHERE f.run_id = ? ORDER BY CASE f.entity_type WHEN 'COMPANY' THEN 1 WHEN 'REGION' THEN 2 WHEN 'TEAM' THEN 3"
                + " ELSE 4 END, f.entity_id, CASE f.period_type WHEN 'MONTH' THEN 1 ELSE 2 END, f.period_start, f.method", rs -> {
            List<Object> row = new ArrayList<>();
            row.add(SCHEMA_VERSION);
            row.add(rs.getString(1));
            row.add(rs.getObject(2, LocalDate.class));
            row.add(rs.getObject(3, LocalDate.class));
            for (int i = 4; i <= 7; i++) {
                row.add(rs.getString(i));
            }
            for (int i = 8; i <= 10; i++) {
                row.add(rs.getBigDecimal(i));
            }
            row.add(rs.getObject(11, LocalDate.class));
            Timestamp generated = rs.getTimestamp(12);
            row.add(generated.toLocalDateTime());
            // last, as schema 2 added it: a night without a new snapshot forecasts as of this date (AsOfData.knownOn)
            row.add(rs.getObject(13, LocalDate.class));
            // schema 2 also added what was already won and the target (as in the funnel report), the rep's
            // team and region (the team's region) on the as-of date, for pivots, and the run that made the rows
            row.add(rs.getBigDecimal(14));
            row.add(rs.getBigDecimal(15));
            row.add(rs.getString(16));
            row.add(rs.getString(17));
            row.add(rs.getLong(18));
            rows.accept(row);
        }, run);
    }

    /**
     * SQL for two columns, a rep's team and region on the as-of date and a team's region (empty for other levels), of
     * the entity whose type, id and as-of date are the given expressions: the extracts' team_code and region_code.
     */
    static String teamAndRegion(String type, String id, String asOf) {
        String onAsOf = "o.valid_from <= " + asOf + " AND (o.valid_to IS NULL OR o.valid_to >= " + asOf + ")";
        return "CASE WHEN " + type + " = 'REP' THEN (SELECT MAX(o.team_code) FROM org_assignment o WHERE o.employee_id = " + id
                + " AND " + onAsOf + ") END, CASE " + type + " WHEN 'REP' THEN (SELECT MAX(o.region_code) FROM org_assignment o"
                + " WHERE o.employee_id = " + id + " AND " + onAsOf + ") WHEN 'TEAM' THEN (SELECT MAX(o.region_code)"
                + " FROM org_assignment o WHERE o.team_code = " + id + " AND " + onAsOf + ") END";
    }
}
