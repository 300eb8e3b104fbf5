package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BulkInsert;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the {@code rollup} rows of one period type over a range of whole periods, for every
 * entity level: reads the rep facts and visit facts of those periods once (days and weeks and
 * months from {@code rollup_rep_day} and the report lines, quarters and years from the kept
 * month rows), sums them in memory ({@link PeriodFigures}) and bulk-loads the rows.
 */
class PeriodRollup {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PeriodRollup.class);

    private static final List<String> COLUMNS = List.of("period_type", "period_start", "period_end", "entity_type",
            "entity_id", "entity_name", "team_code", "region_code", "reps", "rep_days", "orders_amount", "gross_margin",
            "collections", "expenses", "cost_per_visit", "visits_planned", "planned_visits_made", "visits", "effective_visits",
            "order_visits", "plan_adherence", "effective_visit_rate", "transaction_rate", "customers_visited",
            "visits_per_customer", "customers_on_frequency", "frequency_attainment", "new_customers", "complaints_received",
            "complaints_resolved", "complaint_resolution_rate", "reports_due", "reports_submitted", "reports_on_time",
            "reports_complete", "report_submission_rate", "report_on_time_rate", "report_completeness", "sales_target",
            "margin_target", "collection_target", "new_customer_target", "visit_target", "sales_attainment",
            "margin_attainment", "collection_attainment", "new_customer_attainment", "visit_attainment",
            "avg_sales_per_rep_week", "complaint_resolution_days", "computed_at", "orders_prev_period", "orders_growth", "orders_last_year",
            "orders_yoy_growth");
    static final int COLUMN_COUNT = COLUMNS.size();

    /** The measures among the columns: all but the five keys, name, team, region and computed_at. */
    static final int MEASURES = COLUMN_COUNT - 9;

    private static final String MONEY = "orders_amount, gross_margin, collections, expenses";
    private static final String TARGET_SHARES = "sales_target_share, margin_target_share, collection_target_share,"
            + " new_customer_target_share, visit_target_share, has_target";
    /** The additive rep-day columns, alike in rollup_rep_day and rollup_rep_month. */
    private static final String REP_SUMS = MONEY + ", " + String.join(", ", PeriodFigures.COUNTS) + ", " + TARGET_SHARES;
    private static final String VISIT_SUMS = "visits, effective_visits, order_visits, " + MONEY;
    private static final List<String> REP_MONTH_COLUMNS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("ps", "rep_id", "team_code", "region_code", "rep_days", "last_day"),
            Arrays.stream(REP_SUMS.split(",")).map(String::trim)).toList();
    private static final List<String> VISIT_MONTH_COLUMNS = List.of("ps", "rep_id", "team_code", "region_code", "customer_id",
            "visits", "effective_visits", "order_visits", "orders_amount", "gross_margin", "collections", "expenses");

    /**
     * New customers by day, from..to: a customer is counted new for its classes when a rep
     * assigned that day took the order.
     */
    private static final String NEW_CUSTOMERS = "SELECT nc.order_date, nc.customer_id FROM customer_new_day nc"
            + " JOIN rollup_rep_day f ON f.work_date = nc.order_date AND f.rep_id = nc.rep_id"
            + " WHERE nc.order_date BETWEEN ? AND ?";

    private final JdbcTemplate jdbc;
    /** The dates a night recomputes (null for a full recompute), for months whose kept sums still hold. */
    private java.util.NavigableSet<LocalDate> touched;
    /** The same connection and transaction, reading large results in batches rather than all at once. */
    private final JdbcTemplate streaming;

    PeriodRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
    }

    /**
     * Periods of one type to recompute: those that start in {@code from..to}. For the to-date
     * kinds, {@code from} is the period's start and {@code to} the as-of date.
     */
    record Request(PeriodType type, LocalDate from, LocalDate to) {

        /** The last day of facts the periods read. */
        LocalDate lastDay() {
            return type.toDate() ? to : type.endOf(to);
        }

        /**
         * Whether the periods are summed from the kept month rows: quarters and years, and QTD and
         * YTD unless some rep-day is dated after the as-of date (a run for an earlier date), when
         * the as-of date's month row holds days they must leave out.
         */
        boolean fromMonths(LocalDate lastRepDay) {
            return type == PeriodType.QUARTER || type == PeriodType.YEAR
                    || ((type == PeriodType.QTD || type == PeriodType.YTD) && !factsAfter(lastRepDay));
        }

        /** Whether a to-date request's as-of date is before the last rep-day. */
        boolean factsAfter(LocalDate lastRepDay) {
            return type.toDate() && lastRepDay != null && lastRepDay.isAfter(to);
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(lastDay());
        }
    }

    /**
     * Replaces the rows of the requested periods. Days, weeks and months (and month-to-date) are
     * summed in one read of the rep-days and day lines; then quarters and years (and QTD, YTD) in
     * one read of the month rows the months just kept. {@code touched} are the dates a night
     * recomputes (null for a full recompute): a month whose only touched dates come after the
     * days its kept sums cover starts from those sums and reads only the days after them.
     * Returns the rows written.
     */
    int write(List<Request> requests, RollupSettings settings, RollupReferences references, LocalDateTime now,
              java.util.NavigableSet<LocalDate> touched) {
        this.touched = touched;
        int rows = 0;
        LocalDate lastRepDay = jdbc.queryForObject("SELECT MAX(work_date) FROM rollup_rep_day", LocalDate.class);
        List<Request> fromDays = requests.stream().filter(r -> !r.fromMonths(lastRepDay)).toList();
        List<Request> fromMonths = requests.stream().filter(r -> r.fromMonths(lastRepDay)).toList();
        if (!fromDays.isEmpty()) {
            rows += pass(fromDays, false, lastRepDay, settings, references, now);
        }
        if (!fromMonths.isEmpty()) {
            rows += pass(fromMonths, true, lastRepDay, settings, references, now);
        }
        return rows;
    }

    /**
     * The whole-period request whose figures a to-date request can copy: one that recomputes the
     * period the to-date figures start with, when no fact is dated after the as-of date (both then
     * sum the same facts). Null when the to-date figures must be summed on their own.
     */
    private static Request copiedFrom(Request toDate, List<Request> requests, LocalDate lastRepDay) {
        if (toDate.factsAfter(lastRepDay)) {
            return null;
        }
        PeriodType whole = toDate.type().wholePeriod();
        return requests.stream().filter(r -> r.type() == whole && !toDate.from().isBefore(r.from())
                && !toDate.from().isAfter(r.to())).findFirst().orElse(null);
    }

    private int pass(List<Request> requests, boolean monthFacts, LocalDate lastRepDay, RollupSettings settings,
                     RollupReferences references, LocalDateTime now) {
        long t0 = System.nanoTime();
        List<PeriodFigures> figures = new ArrayList<>();
        PeriodFigures.Sums kept = new PeriodFigures.Sums();
        // to-date requests whose rows are copies of a whole period's, by the index of that period's request
        Map<Integer, Request> copies = new HashMap<>();
        List<Request> summed = new ArrayList<>();
        // per summed request, the first day whose facts it reads (later than its start for a month
        // that starts from its kept sums)
        List<LocalDate> readFrom = new ArrayList<>();
        for (Request request : requests) {
            PeriodType type = request.type();
            if (type.toDate()) {
                // only the latest as-of date is kept: the figures "so far" of the last run
                jdbc.update("DELETE FROM rollup WHERE period_type = ?", type.name());
                Request whole = copiedFrom(request, requests, lastRepDay);
                if (whole != null) {
                    copies.put(requests.indexOf(whole), request);
                    continue;
                }
                figures.add(new PeriodFigures(type, references, d -> request.from(), s -> request.to(), settings));
            } else {
                jdbc.update("DELETE FROM rollup WHERE period_type = ? AND period_start BETWEEN ? AND ?", type.name(),
                        Date.valueOf(request.from()), Date.valueOf(request.to()));
                PeriodFigures periodFigures = new PeriodFigures(type, references, d -> type.startOf(d, settings), type::endOf,
                        settings);
                if (type.hasGrowth()) {
                    // the periods before the recomputed ones that they compare themselves with: the one
                    // just before, and those a year before (the recomputed ones are summed anew)
                    jdbc.query("SELECT period_start, entity_type, entity_id, orders_amount FROM rollup WHERE period_type = ?"
                            + " AND (period_start = ? OR period_start BETWEEN ? AND ?) AND period_start < ?", rs -> {
                        periodFigures.rememberOrders(rs.getObject(1, LocalDate.class), EntityLevel.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getBigDecimal(4));
                    }, type.name(), Date.valueOf(type.previousStart(request.from())),
                            Date.valueOf(type.lastYearStart(request.from(), settings)),
                            Date.valueOf(type.lastYearStart(request.to(), settings)), Date.valueOf(request.from()));
                }
                figures.add(periodFigures);
            }
            summed.add(request);
            readFrom.add(request.from());
            if (type == PeriodType.MONTH) {
                // a month's per-rep sums are kept, for quarters and years
                PeriodFigures month = figures.get(figures.size() - 1);
                month.keepSums(kept);
                LocalDate keptThrough = monthFacts ? null : keptThrough(request);
                if (keptThrough != null) {
                    log.debug("month {} starts from its sums kept through {}", request.from(), keptThrough);
                    addKeptMonth(month, request.from(), keptThrough);
                    readFrom.set(readFrom.size() - 1, keptThrough.plusDays(1));
                }
                jdbc.update("DELETE FROM rollup_rep_month WHERE ps BETWEEN ? AND ?", Date.valueOf(request.from()),
                        Date.valueOf(request.to()));
                jdbc.update("DELETE FROM rollup_visit_month WHERE ps BETWEEN ? AND ?", Date.valueOf(request.from()),
                        Date.valueOf(request.to()));
            }
        }
        LocalDate first = readFrom.stream().min(LocalDate::compareTo).orElse(requests.get(0).from());
        LocalDate last = requests.stream().map(Request::lastDay).max(LocalDate::compareTo).orElseThrow();
        int rows = 0;
        long reading = 0;
        long building = 0;
        long storing = 0;
        long keeping = 0;
        // a month of facts at a time: the periods that end in it are written and forgotten
        for (LocalDate from = first; !from.isAfter(last); ) {
            LocalDate to = monthFacts ? last : min(from.withDayOfMonth(from.lengthOfMonth()), last);
            long t = System.nanoTime();
            readFacts(summed, readFrom, figures, monthFacts, from, to);
            reading += System.nanoTime() - t;
            for (int i = 0; i < figures.size(); i++) {
                t = System.nanoTime();
                List<Object[]> written = figures.get(i).takeRowsEndingBy(to.equals(last) ? null : to, now);
                building += System.nanoTime() - t;
                Request toDate = copies.get(requests.indexOf(summed.get(i)));
                if (toDate != null) {
                    written.addAll(toDateCopies(written, toDate));
                }
                t = System.nanoTime();
                BulkInsert.insert(jdbc, "rollup", COLUMNS, written, row -> row);
                storing += System.nanoTime() - t;
                rows += written.size();
            }
            // a chunk is a calendar month: its month rows are complete
            t = System.nanoTime();
            keepRepMonths(kept.repSums());
            keepVisitMonths(kept.visitSums());
            keeping += System.nanoTime() - t;
            from = to.plusDays(1);
        }
        log.debug("{} from {}: {} rows in {} ms (reading and summing {} ms, building rows {} ms, storing {} ms,"
                        + " keeping month rows {} ms)", requests.stream().map(r -> r.type().name()).distinct().toList(),
                monthFacts ? "months" : "days", rows, (System.nanoTime() - t0) / 1_000_000, reading / 1_000_000,
                building / 1_000_000, storing / 1_000_000, keeping / 1_000_000);
        return rows;
    }

    /** The rows of the period the to-date request starts with, as its rows: ending on the as-of date, without growth. */
    private static List<Object[]> toDateCopies(List<Object[]> rows, Request toDate) {
        List<Object[]> copies = new ArrayList<>();
        for (Object[] row : rows) {
            if (toDate.from().equals(row[1])) {
                Object[] copy = row.clone();
                copy[0] = toDate.type().name();
                copy[2] = toDate.to();
                // visit frequencies are set for whole periods only (visit_frequency has no to-date kinds)
                copy[COLUMNS.indexOf("customers_on_frequency")] = null;
                copy[COLUMNS.indexOf("frequency_attainment")] = null;
                Arrays.fill(copy, COLUMNS.indexOf("orders_prev_period"), COLUMN_COUNT, null);
                copies.add(copy);
            }
        }
        return copies;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Hands the facts dated {@code from..to} to the figures of every request covering them. */
    private void readFacts(List<Request> requests, List<LocalDate> readFrom, List<PeriodFigures> figures,
                           boolean monthFacts, LocalDate from, LocalDate to) {
        String repFacts = monthFacts
                ? "SELECT ps, rep_id, team_code, region_code, rep_days, last_day, " + REP_SUMS
                + " FROM rollup_rep_month WHERE ps BETWEEN ? AND ?"
                : "SELECT work_date, rep_id, team_code, region_code, 1, work_date, " + REP_SUMS
                + " FROM rollup_rep_day WHERE work_date BETWEEN ? AND ?";
        // the rep-days read, by day and rep: a visit line counts on a day its rep was assigned as a
        // rep, for that day's team and region (looked up here rather than joined by the database)
        Map<String, Map<LocalDate, PeriodFigures.RepFact>> repDays = new HashMap<>();
        streaming.query(repFacts, rs -> {
            PeriodFigures.RepFact fact = repFact(rs);
            forCovering(requests, readFrom, figures, fact.date(), f -> f.add(fact));
            if (!monthFacts) {
                repDays.computeIfAbsent(fact.rep(), r -> new HashMap<>()).put(fact.date(), fact);
            }
        }, Date.valueOf(from), Date.valueOf(to));
        String visitFacts = monthFacts
                ? "SELECT ps, rep_id, team_code, region_code, customer_id, " + VISIT_SUMS
                + " FROM rollup_visit_month WHERE ps BETWEEN ? AND ?"
                : "SELECT report_date, rep_id, NULL, NULL, customer_id, 1,"
                + " CASE WHEN effective THEN 1 ELSE 0 END, CASE WHEN order_amount > 0 THEN 1 ELSE 0 END,"
                + " COALESCE(order_amount, 0), COALESCE(gross_margin, 0), COALESCE(payment_collected, 0),"
                + " COALESCE(expense, 0) FROM report_line WHERE report_date BETWEEN ? AND ? AND customer_id IS NOT NULL";
        streaming.query(visitFacts, rs -> {
            PeriodFigures.VisitFact fact = visitFact(rs);
            if (!monthFacts) {
                Map<LocalDate, PeriodFigures.RepFact> days = repDays.get(fact.rep());
                PeriodFigures.RepFact day = days == null ? null : days.get(fact.date());
                if (day == null) {
                    return;
                }
                fact = fact.on(day);
            }
            PeriodFigures.VisitFact visit = fact;
            forCovering(requests, readFrom, figures, fact.date(), f -> f.add(visit));
        }, Date.valueOf(from), Date.valueOf(to));
        streaming.query(NEW_CUSTOMERS, rs -> {
            LocalDate date = rs.getObject(1, LocalDate.class);
            String customer = rs.getString(2);
            forCovering(requests, readFrom, figures, date, f -> f.addNewCustomer(date, customer));
        }, Date.valueOf(from), Date.valueOf(to));
    }

    /** Hands a fact dated {@code date} to the figures of each request that covers it and reads that day. */
    private static void forCovering(List<Request> requests, List<LocalDate> readFrom, List<PeriodFigures> figures,
                                    LocalDate date, java.util.function.Consumer<PeriodFigures> hand) {
        for (int i = 0; i < figures.size(); i++) {
            if (requests.get(i).covers(date) && !date.isBefore(readFrom.get(i))) {
                hand.accept(figures.get(i));
            }
        }
    }

    /**
     * The last day a one-month request's kept sums cover, when the night touches only days after
     * it: the month then starts from those sums (the rep-days, lines and new customers up to that
     * day are unchanged since they were summed). Null when the month must be read whole.
     */
    private LocalDate keptThrough(Request month) {
        if (touched == null || !month.from().equals(month.to())) {
            return null;
        }
        LocalDate kept = jdbc.queryForObject("SELECT MAX(last_day) FROM rollup_rep_month WHERE ps = ?", LocalDate.class,
                Date.valueOf(month.from()));
        if (kept == null) {
            return null;
        }
        LocalDate firstTouched = touched.ceiling(month.from());
        return firstTouched != null && firstTouched.isAfter(kept) && !firstTouched.isAfter(month.lastDay()) ? kept : null;
    }

    /** Starts a month's figures from its kept sums, and its new customers up to the last day they cover. */
    private void addKeptMonth(PeriodFigures month, LocalDate start, LocalDate keptThrough) {
        Date ps = Date.valueOf(start);
        jdbc.query("SELECT ps, rep_id, team_code, region_code, rep_days, last_day, " + REP_SUMS
                + " FROM rollup_rep_month WHERE ps = ?", rs -> {
            month.add(repFact(rs));
        }, ps);
        jdbc.query("SELECT ps, rep_id, team_code, region_code, customer_id, " + VISIT_SUMS
                + " FROM rollup_visit_month WHERE ps = ?", rs -> {
            month.add(visitFact(rs));
        }, ps);
        jdbc.query(NEW_CUSTOMERS, rs -> {
            month.addNewCustomer(rs.getObject(1, LocalDate.class), rs.getString(2));
        }, ps, Date.valueOf(keptThrough));
    }

    /** The rep-days summed per month, rep, team and region, kept for quarters and years. */
    private void keepRepMonths(List<PeriodFigures.RepFact> repMonths) {
        List<PeriodFigures.RepFact> rows = new ArrayList<>(repMonths);
        repMonths.clear();
        BulkInsert.insert(jdbc, "rollup_rep_month", REP_MONTH_COLUMNS, rows, m -> {
            List<Object> row = new ArrayList<>(List.of(m.date(), m.rep()));
            row.add(m.team());
            row.addAll(List.of(m.region(), m.repDays(), m.lastDay()));
            for (long cents : m.money()) {
                row.add(Ratio.fromCents(cents));
            }
            for (long count : m.counts()) {
                row.add(count);
            }
            row.addAll(Arrays.asList(m.targetShares()));
            row.add(m.hasTarget());
            return row.toArray();
        });
    }

    /** The visits summed per month, rep (with team and region) and customer, kept for quarters and years. */
    private void keepVisitMonths(List<PeriodFigures.VisitFact> months) {
        List<PeriodFigures.VisitFact> rows = new ArrayList<>(months);
        months.clear();
        BulkInsert.insert(jdbc, "rollup_visit_month", VISIT_MONTH_COLUMNS, rows, v -> new Object[] {
                v.date(), v.rep(), v.team(), v.region(), v.customer(), v.visits(), v.effectiveVisits(),
                v.orderVisits(), Ratio.fromCents(v.money()[0]),
                Ratio.fromCents(v.money()[1]), Ratio.fromCents(v.money()[2]), Ratio.fromCents(v.money()[3])});
    }

    /** Columns: date, rep, team, region, rep-days, last day, then {@link #REP_SUMS}. */
    private static PeriodFigures.RepFact repFact(ResultSet rs) throws SQLException {
        int c = 7;
        long[] money = new long[PeriodFigures.MONEY];
        for (int i = 0; i < money.length; i++) {
            money[i] = Ratio.cents(rs.getBigDecimal(c++));
        }
        long[] counts = new long[PeriodFigures.COUNTS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rs.getLong(c++);
        }
        BigDecimal[] shares = new BigDecimal[PeriodFigures.TARGETS];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = rs.getBigDecimal(c++).setScale(PeriodFigures.SHARE_SCALE, RoundingMode.UNNECESSARY);
        }
        return new PeriodFigures.RepFact(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getObject(6, LocalDate.class), money, counts, shares, rs.getLong(c));
    }

    /** Columns: date, rep, team, region, customer, then {@link #VISIT_SUMS}. */
    private static PeriodFigures.VisitFact visitFact(ResultSet rs) throws SQLException {
        long[] money = new long[PeriodFigures.MONEY];
        for (int i = 0; i < money.length; i++) {
            money[i] = Ratio.cents(rs.getBigDecimal(9 + i));
        }
        return new PeriodFigures.VisitFact(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), money);
    }

}
