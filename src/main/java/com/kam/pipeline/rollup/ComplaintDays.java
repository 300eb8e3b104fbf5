package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BulkInsert;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code rollup_complaint_day}, the rep-days with complaints received or resolved, as
 * {@link RepDayFacts} counted them, with the complaints left open at the end of each. A rep's
 * resolution times and open complaints ({@link ComplaintAges}) depend on all of the rep's earlier
 * complaints; complaints are rare, so these few rows are what is read for them, never the report
 * lines of every earlier day.
 */
class ComplaintDays {

    private static final List<String> COLUMNS = List.of("work_date", "rep_id", "complaints_received", "complaints_resolved",
            "complaints_open_after", "resolved_ahead", "open_received");

    /** A rep-day's complaint counts. */
    private record Counts(String rep, LocalDate day, long received, long resolved) {
    }

    /** Reps per IN list. */
    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;

    ComplaintDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The complaint ages to carry on from, of each rep with complaints reported in {@code from..to}:
     * as kept with the rep's last day with complaints before {@code from}. That day is looked for in
     * the month before first (complaints come every few days), then further back for the reps
     * without one there: a night reads about one row per such rep, however long the history.
     */
    Map<String, ComplaintAges> agesBefore(LocalDate from, LocalDate to) {
        Map<String, ComplaintAges> ages = new HashMap<>();
        if (jdbc.queryForList("SELECT rep_id FROM rollup_complaint_day WHERE work_date < ? LIMIT 1", String.class,
                Date.valueOf(from)).isEmpty()) {
            return ages;  // nothing before (a full recompute): no need to look for the range's reps
        }
        List<String> reps = jdbc.queryForList("SELECT DISTINCT rep_id FROM report_line WHERE report_date BETWEEN ? AND ?"
                + " AND (complaints_received > 0 OR complaints_resolved > 0)", String.class, Date.valueOf(from), Date.valueOf(to));
        Map<String, LocalDate> lastDays = new HashMap<>();
        forReps(reps, List.of(Date.valueOf(from), Date.valueOf(from.minusMonths(1))), in -> "SELECT rep_id, work_date,"
                + " resolved_ahead, open_received FROM rollup_complaint_day WHERE rep_id IN (" + in + ") AND work_date < ?"
                + " AND work_date >= ?", rs -> {
            LocalDate day = rs.getObject(2, LocalDate.class);
            if (lastDays.merge(rs.getString(1), day, (a, b) -> a.isAfter(b) ? a : b).equals(day)) {
                ages.put(rs.getString(1), ComplaintAges.resumed(rs.getLong(3), rs.getString(4)));
            }
        });
        List<String> further = reps.stream().filter(rep -> !lastDays.containsKey(rep)).toList();
        forReps(further, List.of(Date.valueOf(from)), in -> "SELECT c.rep_id, c.resolved_ahead, c.open_received"
                + " FROM rollup_complaint_day c" + lastDayBefore(in), rs -> {
            ages.put(rs.getString(1), ComplaintAges.resumed(rs.getLong(2), rs.getString(3)));
        });
        return ages;
    }

    /** Joins each rep of the IN list's last day with complaints before the last parameter, as {@code c}. */
    private static String lastDayBefore(String in) {
        return " JOIN (SELECT rep_id, MAX(work_date) AS last_day FROM rollup_complaint_day WHERE rep_id IN (" + in + ")"
                + " AND work_date < ? GROUP BY rep_id) l ON l.rep_id = c.rep_id AND l.last_day = c.work_date";
    }

    /**
     * Each of {@code reps}' complaints open at the start of {@code from}: those open at the end of
     * the rep's day before it (a rep-day, as complete as the rep-days of earlier dates), or, for a
     * rep not assigned that day, left open by the rep's last day with complaints before it. Reps
     * with none open are left out.
     */
    Map<String, Long> openBefore(LocalDate from, Set<String> reps) {
        Map<String, Long> open = new HashMap<>();
        Set<String> others = new HashSet<>(reps);
        jdbc.query("SELECT rep_id, complaints_open FROM rollup_rep_day WHERE work_date = ?", rs -> {
            others.remove(rs.getString(1));
            if (rs.getLong(2) > 0) {
                open.put(rs.getString(1), rs.getLong(2));
            }
        }, Date.valueOf(from.minusDays(1)));
        forReps(List.copyOf(others), List.of(Date.valueOf(from)), in -> "SELECT c.rep_id, c.complaints_open_after"
                + " FROM rollup_complaint_day c" + lastDayBefore(in) + " WHERE c.complaints_open_after > 0", rs -> {
            open.put(rs.getString(1), rs.getLong(2));
        });
        return open;
    }

    /**
     * Runs {@code sql} (given the IN list's placeholders; its last parameters are {@code after}) for
     * {@code reps}, {@link #IN_LIST} at a time.
     */
    private void forReps(List<String> reps, List<Object> after, java.util.function.UnaryOperator<String> sql,
                         org.springframework.jdbc.core.RowCallbackHandler handler) {
        for (int i = 0; i < reps.size(); i += IN_LIST) {
            List<String> part = reps.subList(i, Math.min(reps.size(), i + IN_LIST));
            List<Object> args = new java.util.ArrayList<>(part);
            args.addAll(after);
            jdbc.query(sql.apply(String.join(",", java.util.Collections.nCopies(part.size(), "?"))), handler, args.toArray());
        }
    }

    void delete(LocalDate from, LocalDate to) {
        jdbc.update("DELETE FROM rollup_complaint_day WHERE work_date BETWEEN ? AND ?", Date.valueOf(from), Date.valueOf(to));
    }

    /** Stores rep-days with complaints: {date, rep, received, resolved, open after, resolved ahead, open received}. */
    void insert(List<Object[]> rows) {
        BulkInsert.insert(jdbc, "rollup_complaint_day", COLUMNS, rows, r -> r);
    }

    /**
     * The dates after {@code to} whose rep-days may change when the rep-days of {@code from..to}
     * are rebuilt from the report lines: when some rep's complaint counts in the range differ from
     * those stored, the rep's later resolution times and the complaints open at the end of each of
     * the rep's later days may change, so every later day with rep-days. Only reports of a rep on a
     * day assigned as a rep count, as in the rep-days: a team lead's report is never "changed".
     * Call before the rebuild.
     */
    Set<LocalDate> laterDates(LocalDate from, LocalDate to) {
        Set<Counts> stored = new HashSet<>(jdbc.query("SELECT rep_id, work_date, complaints_received, complaints_resolved"
                + " FROM rollup_complaint_day WHERE work_date BETWEEN ? AND ?", ComplaintDays::counts,
                Date.valueOf(from), Date.valueOf(to)));
        Set<Counts> reported = new HashSet<>(jdbc.query("SELECT l.rep_id, l.report_date,"
                + " COALESCE(MAX(l.complaints_received), 0), COALESCE(MAX(l.complaints_resolved), 0) FROM report_line l"
                + " JOIN rollup_rep_day f ON f.work_date = l.report_date AND f.rep_id = l.rep_id"
                + " WHERE l.report_date BETWEEN ? AND ? GROUP BY l.rep_id, l.report_date"
                + " HAVING COALESCE(MAX(l.complaints_received), 0) > 0 OR COALESCE(MAX(l.complaints_resolved), 0) > 0",
                ComplaintDays::counts, Date.valueOf(from), Date.valueOf(to)));
        Set<String> changed = new HashSet<>();
        stored.stream().filter(c -> !reported.contains(c)).forEach(c -> changed.add(c.rep()));
        reported.stream().filter(c -> !stored.contains(c)).forEach(c -> changed.add(c.rep()));
        Set<LocalDate> later = new TreeSet<>();
        LocalDate lastRepDay = changed.isEmpty() ? null
                : RepDayFacts.lastDay(jdbc);
        for (LocalDate day = to.plusDays(1); lastRepDay != null && !day.isAfter(lastRepDay); day = day.plusDays(1)) {
            later.add(day);
        }
        return later;
    }

    private static Counts counts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Counts(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4));
    }
}
