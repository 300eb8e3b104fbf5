package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BulkInsert;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds {@code rollup_rep_day}: one row per rep per day the rep was assigned as a rep, with
 * that day's additive facts and the team and region of that day. Every period rollup sums these
 * rows, so a rep's figures follow the team the rep belonged to on each day. The database sums
 * each input per day and rep; the rows are put together here, a month at a time, and bulk-loaded.
 */
class RepDayFacts {

    /** The last day rolled up (the latest rep-day); null before the first run. */
    static LocalDate lastDay(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT MAX(work_date) FROM rollup_rep_day", LocalDate.class);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RepDayFacts.class);

    private static final List<String> COLUMNS = List.of("work_date", "rep_id", "team_code", "region_code", "orders_amount",
            "gross_margin", "collections", "expenses", "visits_planned", "planned_visits_made", "visits", "effective_visits",
            "order_visits", "new_customers", "complaints_received", "complaints_resolved", "report_due", "report_submitted",
            "report_on_time", "report_complete", "sales_target_share", "margin_target_share", "collection_target_share",
            "new_customer_target_share", "visit_target_share", "has_target", "complaint_days", "complaints_timed",
            "complaints_open");

    /** The report of each rep and day: the money of every line, the visits, and the day fields. */
    private static final String REPORT_DAYS = "SELECT report_date, rep_id, SUM(order_amount), SUM(gross_margin),"
            + " SUM(payment_collected), SUM(expense), COUNT(customer_id),"
            + " SUM(CASE WHEN customer_id IS NOT NULL AND effective THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN customer_id IS NOT NULL AND order_amount > 0 THEN 1 ELSE 0 END),"
            + " MAX(complaints_received), MAX(complaints_resolved), MAX(submitted_at), MAX(attendance),"
            // complete: every visit line says its purpose, outcome and whether it was effective
            + " MIN(CASE WHEN customer_id IS NULL OR (purpose IS NOT NULL AND outcome IS NOT NULL AND effective IS NOT NULL)"
            + " THEN 1 ELSE 0 END)"
            + " FROM report_line WHERE report_date BETWEEN ? AND ? GROUP BY report_date, rep_id";

    private record CalendarDay(boolean working, LocalDateTime deadline) {
    }

    private record ReportDay(BigDecimal[] money, long visits, long effective, long orderVisits, Integer complaintsReceived,
                             Integer complaintsResolved, LocalDateTime submittedAt, String attendance, boolean linesComplete) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final ComplaintDays complaints;

    RepDayFacts(JdbcTemplate jdbc, ComplaintDays complaints) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
    }

    /** Rewrites the rep-days of {@code from..to}; returns the rows written. */
    int rebuild(LocalDate from, LocalDate to) {
        return rebuild(from, to, null);
    }

    /**
     * Rewrites the rep-days of {@code from..to}, and hands {@code changed} each day and rep whose
     * rep-day came out different from the one stored (or is new, or gone); returns the rows written.
     */
    int rebuild(LocalDate from, LocalDate to, java.util.function.BiConsumer<LocalDate, String> changed) {
        long t0 = System.nanoTime();
        long reading = 0;
        List<RepAssignment> assignments = RepAssignment.all(jdbc);
        Map<String, String> before = new HashMap<>();
        if (changed != null) {
            streaming.query("SELECT " + String.join(", ", COLUMNS) + " FROM rollup_rep_day WHERE work_date BETWEEN ? AND ?", rs -> {
                Object[] row = new Object[COLUMNS.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = i == 0 ? rs.getObject(1, LocalDate.class) : rs.getObject(i + 1);
                }
                before.put(row[0] + "/" + row[1], fingerprint(row));
            }, Date.valueOf(from), Date.valueOf(to));
        }
        jdbc.update("DELETE FROM rollup_rep_day WHERE work_date BETWEEN ? AND ?", Date.valueOf(from), Date.valueOf(to));
        complaints.delete(from, to);
        // each rep's resolution times carry on from the rep's complaints before the range, and so
        // do the complaints open (for a rep with none in the range, those open before it)
        Map<String, ComplaintAges> ages = complaints.agesBefore(from, to);
        java.util.Set<String> reps = new java.util.HashSet<>();
        assignments.stream().filter(a -> a.overlaps(from, to)).forEach(a -> reps.add(a.rep()));
        Map<String, Long> openBefore = complaints.openBefore(from, reps);
        int rows = 0;
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate first = month.isBefore(from) ? from : month;
            LocalDate monthEnd = month.withDayOfMonth(month.lengthOfMonth());
            LocalDate last = monthEnd.isAfter(to) ? to : monthEnd;
            long t = System.nanoTime();
            Map<LocalDate, CalendarDay> calendar = calendar(month, monthEnd);
            MonthTargets targets = MonthTargets.read(jdbc, month, assignments, day -> calendar.get(day).working());
            Map<String, ReportDay> reports = reports(first, last);
            Map<String, long[]> plans = plans(first, last);
            Map<String, Long> newCustomers = newCustomers(first, last);
            reading += System.nanoTime() - t;
            List<Object[]> repDays = new ArrayList<>();
            List<Object[]> complaintDays = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                CalendarDay c = calendar.get(day);
                for (RepAssignment a : assignments) {
                    if (a.covers(day)) {
                        String key = day + "/" + a.rep();
                        Object[] row = row(day, a, c, reports.get(key), plans.get(key), newCustomers.getOrDefault(key, 0L),
                                targets);
                        addComplaints(row, ages, openBefore, complaintDays);
                        repDays.add(row);
                        if (changed != null && !fingerprint(row).equals(before.remove(key))) {
                            changed.accept(day, a.rep());
                        }
                    }
                }
            }
            BulkInsert.insert(jdbc, "rollup_rep_day", COLUMNS, repDays, r -> r);
            complaints.insert(complaintDays);
            rows += repDays.size();
        }
        // (those no longer a rep-day: the rep's assignment changed)
        before.keySet().forEach(key -> changed.accept(LocalDate.parse(key.substring(0, 10)), key.substring(11)));
        log.debug("rep-days {}..{}: {} rows in {} ms (reading the inputs {} ms)", from, to, rows,
                (System.nanoTime() - t0) / 1_000_000, reading / 1_000_000);
        return rows;
    }

    /** A rep-day's values as text, alike whether built here or read back (numbers without their scale). */
    private static String fingerprint(Object[] row) {
        StringBuilder text = new StringBuilder();
        for (Object value : row) {
            if (value == null) {
                text.append('-');
            } else if (value instanceof BigDecimal number) {
                text.append(number.stripTrailingZeros().toPlainString());
            } else if (value instanceof Number number) {
                text.append(number.longValue());
            } else if (value instanceof Boolean flag) {
                text.append(flag ? 1 : 0);
            } else {
                text.append(value);
            }
            text.append('|');
        }
        return text.toString();
    }

    private Object[] row(LocalDate day, RepAssignment a, CalendarDay c, ReportDay r, long[] plan, long newCustomers,
                         MonthTargets targets) {
        boolean working = c.working();
        boolean submitted = r != null && r.submittedAt() != null;
        Object[] row = new Object[COLUMNS.size()];
        row[0] = day;
        row[1] = a.rep();
        row[2] = a.team();
        row[3] = a.region();
        for (int i = 0; i < 4; i++) {
            BigDecimal amount = r == null ? null : r.money()[i];
            row[4 + i] = amount == null ? BigDecimal.ZERO.setScale(Ratio.MONEY_SCALE) : amount;
        }
        row[8] = plan == null ? 0L : plan[0];
        row[9] = plan == null ? 0L : plan[1];
        row[10] = r == null ? 0L : r.visits();
        row[11] = r == null ? 0L : r.effective();
        row[12] = r == null ? 0L : r.orderVisits();
        row[13] = newCustomers;
        row[14] = r == null || r.complaintsReceived() == null ? 0 : r.complaintsReceived();
        row[15] = r == null || r.complaintsResolved() == null ? 0 : r.complaintsResolved();
        row[16] = working ? 1 : 0;
        row[17] = working && submitted ? 1 : 0;
        row[18] = working && submitted && !r.submittedAt().isAfter(c.deadline()) ? 1 : 0;
        row[19] = working && submitted && r.attendance() != null && r.linesComplete() ? 1 : 0;
        for (int i = 0; i < PeriodFigures.TARGETS; i++) {
            row[20 + i] = targets.share(a.rep(), i, working);
        }
        row[25] = targets.has(a.rep()) ? 1 : 0;
        row[26] = 0L;
        row[27] = 0L;
        row[28] = 0L;
        return row;
    }

    /**
     * The complaints still open at the end of a rep-day and, on a day with complaints, its
     * resolution times (days are handed over in date order) and the day kept in
     * {@code complaintDays} for later runs to carry on from. A rep with no complaints in the range
     * has {@code ages} of none: the complaints open before the range stay open.
     */
    private static void addComplaints(Object[] row, Map<String, ComplaintAges> ages, Map<String, Long> openBefore,
                                      List<Object[]> complaintDays) {
        String rep = (String) row[1];
        ComplaintAges repAges = ages.get(rep);
        int received = (Integer) row[14];
        int resolved = (Integer) row[15];
        if (received == 0 && resolved == 0) {
            row[28] = repAges != null ? repAges.open() : openBefore.getOrDefault(rep, 0L);
            return;
        }
        if (repAges == null) {
            repAges = new ComplaintAges();
            ages.put(rep, repAges);
        }
        ComplaintAges.Day day = repAges.add((LocalDate) row[0], received, resolved);
        row[26] = day.days();
        row[27] = day.timed();
        row[28] = repAges.open();
        complaintDays.add(new Object[] {row[0], rep, received, resolved, repAges.open(), repAges.resolvedAhead(),
                repAges.openReceived()});
    }

    private Map<LocalDate, CalendarDay> calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        jdbc.query("SELECT cal_date, working_day, deadline_at FROM calendar_day WHERE cal_date BETWEEN ? AND ?", rs -> {
            days.put(rs.getObject(1, LocalDate.class), new CalendarDay(rs.getBoolean(2), rs.getObject(3, LocalDateTime.class)));
        }, Date.valueOf(from), Date.valueOf(to));
        return days;
    }

    private Map<String, ReportDay> reports(LocalDate from, LocalDate to) {
        Map<String, ReportDay> reports = new HashMap<>();
        streaming.query(REPORT_DAYS, rs -> {
            BigDecimal[] money = new BigDecimal[4];
            for (int i = 0; i < money.length; i++) {
                money[i] = rs.getBigDecimal(3 + i);
            }
            reports.put(rs.getObject(1, LocalDate.class) + "/" + rs.getString(2), new ReportDay(money, rs.getLong(7),
                    rs.getLong(8), rs.getLong(9), rs.getObject(10, Integer.class), rs.getObject(11, Integer.class),
                    rs.getObject(12, LocalDateTime.class), rs.getString(13), rs.getInt(14) == 1));
        }, Date.valueOf(from), Date.valueOf(to));
        return reports;
    }

    /**
     * Planned visits per rep and day, and how many of them were made: the rep reported a visit to
     * that customer that day. Matched here from the two sets of keys, which reads both once instead
     * of having the database probe the report lines for every plan line (half the time).
     */
    private Map<String, long[]> plans(LocalDate from, LocalDate to) {
        java.util.Set<String> visited = new java.util.HashSet<>();
        streaming.query("SELECT report_date, rep_id, customer_id FROM report_line WHERE report_date BETWEEN ? AND ?"
                + " AND customer_id IS NOT NULL", rs -> {
            visited.add(rs.getObject(1, LocalDate.class) + "/" + rs.getString(2) + "/" + rs.getString(3));
        }, Date.valueOf(from), Date.valueOf(to));
        Map<String, long[]> plans = new HashMap<>();
        streaming.query("SELECT plan_date, rep_id, customer_id FROM visit_plan WHERE plan_date BETWEEN ? AND ?", rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            String rep = rs.getString(2);
            String customer = rs.getString(3);
            String repDay = day + "/" + rep;
            long[] counts = plans.computeIfAbsent(repDay, k -> new long[2]);
            counts[0]++;
            // (ids are as in the master data: the ingest accepts only those)
            if (customer != null && visited.contains(repDay + "/" + customer)) {
                counts[1]++;
            }
        }, Date.valueOf(from), Date.valueOf(to));
        return plans;
    }

    private Map<String, Long> newCustomers(LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT order_date, rep_id, COUNT(*) FROM customer_new_day WHERE order_date BETWEEN ? AND ?"
                + " GROUP BY order_date, rep_id", rs -> {
            counts.put(rs.getObject(1, LocalDate.class) + "/" + rs.getString(2), rs.getLong(3));
        }, Date.valueOf(from), Date.valueOf(to));
        return counts;
    }
}
