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
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the {@code rollup} rows of one period type over a range of whole periods, for every
 * entity level: reads the rep facts and visit facts of those periods once (days and weeks and
 * months from {@code rollup_rep_day} and the report lines, quarters and years from the kept
 * month sums), sums them in memory ({@link PeriodFigures}) and bulk-loads the rows. Months keep
 * their per-rep sums ({@code rollup_rep_sum}, {@code rollup_visit_sum}), and the current quarter
 * and year keep the sums of their months before the current one: a night starts the month from
 * its sums and reads only its new days, and the quarter and year are those earlier months' sums
 * plus the month's.
 */
class PeriodRollup {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PeriodRollup.class);

    /**
     * Where the rows are stored; the view {@code rollup} adds the to-date rows read from the period
     * they start with ({@code rollup_to_date}, V28).
     */
    static final String TABLE = "rollup_row";

    private static final List<String> COLUMNS = List.of("period_type", "period_start", "period_end", "entity_type",
            "entity_id", "entity_name", "team_code", "region_code", "reps", "rep_days", "orders_amount", "gross_margin",
            "collections", "expenses", "cost_per_visit", "visits_planned", "planned_visits_made", "visits", "effective_visits",
            "order_visits", "plan_adherence", "effective_visit_rate", "transaction_rate", "customers_visited",
            "visits_per_customer", "customers_on_frequency", "frequency_attainment", "new_customers", "complaints_received",
            "complaints_resolved", "complaint_resolution_rate", "reports_due", "reports_submitted", "reports_on_time",
            "reports_complete", "report_submission_rate", "report_on_time_rate", "report_completeness", "sales_target",
            "margin_target", "collection_target", "new_customer_target", "visit_target", "sales_attainment",
            "margin_attainment", "collection_attainment", "new_customer_attainment", "visit_attainment",
            "avg_sales_per_rep_week", "complaint_resolution_days", "complaints_open", "computed_at", "orders_prev_period", "orders_growth", "orders_last_year",
            "orders_yoy_growth");
    static final int COLUMN_COUNT = COLUMNS.size();

    /** A column's position in a row. */
    static int column(String name) {
        int index = COLUMNS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no rollup column " + name);
        }
        return index;
    }

    /** The measures among the columns: all but the five keys, name, team, region and computed_at. */
    static final int MEASURES = COLUMN_COUNT - 9;

    private static final String MONEY = "orders_amount, gross_margin, collections, expenses";
    private static final String TARGET_SHARES = "sales_target_share, margin_target_share, collection_target_share,"
            + " new_customer_target_share, visit_target_share, has_target";
    /** The additive rep-day columns, alike in rollup_rep_day and rollup_rep_sum. */
    private static final String REP_SUMS = MONEY + ", " + String.join(", ", PeriodFigures.COUNTS) + ", " + TARGET_SHARES;
    private static final String VISIT_SUMS = "visits, effective_visits, order_visits, " + MONEY;
    private static final List<String> REP_SUM_COLUMNS = Stream.concat(
            Stream.of("period_type", "ps", "rep_id", "team_code", "region_code", "rep_days", "last_day"),
            Stream.concat(Arrays.stream(REP_SUMS.split(",")).map(String::trim),
                    Stream.of("complaints_open", "seq"))).toList();
    private static final List<String> VISIT_SUM_COLUMNS = List.of("period_type", "ps", "rep_id", "team_code", "region_code",
            "customer_id", "visits", "effective_visits", "order_visits", "orders_amount", "gross_margin", "collections",
            "expenses", "last_visit", "seq");
    /** The kept rep sums of one period type and start, read as rep facts. */
    private static final String KEPT_REP_SUMS = "SELECT ps, rep_id, team_code, region_code, rep_days, last_day, " + REP_SUMS
            + ", complaints_open FROM rollup_rep_sum WHERE period_type = ? AND ps BETWEEN ? AND ?";
    /** The kept visit sums of one period type and start, read as visit facts. */
    private static final String KEPT_VISIT_SUMS = "SELECT ps, rep_id, team_code, region_code, customer_id, " + VISIT_SUMS
            + ", last_visit, seq FROM rollup_visit_sum WHERE period_type = ? AND ps BETWEEN ? AND ?";
    /** The position of {@code seq} in {@link #KEPT_VISIT_SUMS}. */
    private static final int KEPT_VISIT_SEQ = 14;

    /**
     * New customers by day, from..to (each taken by a rep assigned that day: see
     * {@link CustomerOrderDays#markNewCustomers}). Not joined with the rep-days: a year's would be
     * read from disk each night only to confirm that.
     */
    private static final String NEW_CUSTOMERS = "SELECT order_date, customer_id FROM customer_new_day"
            + " WHERE order_date BETWEEN ? AND ?";

    private final JdbcTemplate jdbc;
    /** The same connection and transaction, reading large results in batches rather than all at once. */
    private final JdbcTemplate streaming;

    /** Builds a pass's rows while the main thread stores those built before (one at a time, in order). */
    private final java.util.concurrent.ExecutorService builder = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "kam-rollup-rows");
                thread.setDaemon(true);
                return thread;
            });

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

        /** Whether a to-date request's as-of date is before the last rep-day. */
        boolean factsAfter(LocalDate lastRepDay) {
            return type.toDate() && lastRepDay != null && lastRepDay.isAfter(to);
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(lastDay());
        }
    }

    /**
     * How a night shortens a pass: the months that start from their kept sums (with the last day
     * those cover), and the quarters and years that are their earlier months' kept sums plus the
     * sums of the one month the night touches in them (with that month).
     */
    private record Shortcuts(Map<Request, KeptMonth> keptMonths, Map<Request, LocalDate> onMonthSums,
                             java.util.Set<Request> sumsLeft) {
    }

    /**
     * A month that starts from its sums kept through {@code through}, but for the reps whose
     * earlier days the night changed ({@code summedAgain}): those are summed from their days.
     */
    private record KeptMonth(LocalDate through, Set<String> summedAgain) {
    }

    /** Beyond this many reps summed again, a month is summed whole: as quick, and no long lists of reps. */
    private static final int MOST_REPS_SUMMED_AGAIN = 500;

    /**
     * Replaces the rows of the requested periods. Days, weeks and months (and month-to-date) are
     * summed in one read of the rep-days and day lines; then quarters and years (and QTD, YTD) in
     * one read of the month sums the months just kept. {@code touched} are the dates a night
     * recomputes (null for a full recompute): a month whose touched dates all come after the days
     * its kept sums cover starts from those sums and reads only the later days, and a quarter or
     * year whose touched dates all fall in its current month is summed from the kept sums of its
     * earlier months and that month's sums, in the same pass. Returns the rows written.
     */
    int write(List<Request> requests, RollupSettings settings, RollupReferences references, LocalDateTime now,
              TouchedDays touched) {
        int rows = 0;
        LocalDate lastRepDay = RepDayFacts.lastDay(jdbc);
        forgetSumsOfPastQuarters(lastRepDay, settings);
        Shortcuts shortcuts = new Shortcuts(new HashMap<>(), new HashMap<>(), new java.util.HashSet<>());
        for (Request request : requests) {
            KeptMonth kept = keptThrough(request, touched);
            if (kept != null) {
                log.debug("{} {} starts from its sums kept through {}{}", request.type(), request.from(), kept.through(),
                        kept.summedAgain().isEmpty() ? "" : ", but for the " + kept.summedAgain().size()
                                + " rep(s) whose earlier days changed, summed again from their days");
                shortcuts.keptMonths().put(request, kept);
            }
            LocalDate month = onMonthSums(request, touched == null ? null : touched.dates(), lastRepDay);
            if (month != null) {
                log.debug("{} {} is its months' kept sums before {} plus that month's", request.type(), request.from(), month);
                shortcuts.onMonthSums().put(request, month);
            }
        }
        List<Request> fromDays = new ArrayList<>();
        List<Request> fromMonths = new ArrayList<>();
        for (Request request : requests) {
            (fromMonths(request, requests, shortcuts, lastRepDay) ? fromMonths : fromDays).add(request);
        }
        Request behind = monthWithSumsBehind(lastRepDay, fromDays, fromMonths);
        if (behind != null) {
            // the months pass reads the month's kept sums, which an earlier night may have left behind
            // (leavesSums): the month is summed first, whole (the run touched none of its days, or it
            // would be in the days pass already), and keeps them through the last rep-day
            log.debug("{} {} is summed again: its kept sums, which the months pass reads, end before {}", behind.type(),
                    behind.from(), lastRepDay);
            fromDays.add(behind);
        }
        if (fromMonths.isEmpty()) {
            shortcuts.keptMonths().forEach((month, kept) -> {
                if (leavesSums(month, kept, lastRepDay, settings)) {
                    log.debug("{} {}: its sums stay kept through {}", month.type(), month.from(), kept.through());
                    shortcuts.sumsLeft().add(month);
                }
            });
        }
        if (!fromDays.isEmpty()) {
            rows += pass(fromDays, false, lastRepDay, shortcuts, settings, references, now);
        }
        if (!fromMonths.isEmpty()) {
            rows += pass(fromMonths, true, lastRepDay, shortcuts, settings, references, now);
        }
        return rows;
    }

    /**
     * Whether a month that starts from its kept sums leaves them as they are, rather than keeping
     * its sums through the last rep-day: on the nights of a week before its last, when all the
     * night changed comes after the days they cover. The week's own rows read those days anyway,
     * and the month reads them with it; keeping the sums (a third of them rewritten every night)
     * waits for the week's last night, the month's last day, or a week of days. Only when no
     * quarter or year is summed from the kept month sums in the same run.
     */
    private static boolean leavesSums(Request month, KeptMonth kept, LocalDate lastRepDay, RollupSettings settings) {
        return lastRepDay != null && kept.summedAgain().isEmpty()
                && lastRepDay.isBefore(month.lastDay())
                && !CalendarTable.weekStart(lastRepDay, settings).plusDays(6).equals(lastRepDay)
                && lastRepDay.isBefore(kept.through().plusDays(7));
    }

    /**
     * The month of the last rep-day when a request of the months pass reads its kept sums, those
     * end before that day, and no request of the days pass sums the month; else null.
     */
    private Request monthWithSumsBehind(LocalDate lastRepDay, List<Request> fromDays, List<Request> fromMonths) {
        if (lastRepDay == null) {
            return null;
        }
        LocalDate month = lastRepDay.withDayOfMonth(1);
        Request request = new Request(PeriodType.MONTH, month, month);
        if (fromMonths.stream().noneMatch(r -> r.covers(month))
                || fromDays.stream().anyMatch(r -> r.type() == PeriodType.MONTH && r.covers(lastRepDay))) {
            return null;
        }
        LocalDate kept = monthSumsKeptThrough(jdbc, month);
        return kept == null || kept.isBefore(lastRepDay) ? request : null;
    }

    /** The last day the kept sums of the month starting on {@code month} cover; null when none are kept. */
    static LocalDate monthSumsKeptThrough(JdbcTemplate jdbc, LocalDate month) {
        return jdbc.queryForObject("SELECT MAX(last_day) FROM rollup_rep_sum WHERE period_type = ? AND ps = ?",
                LocalDate.class, PeriodType.MONTH.name(), Date.valueOf(month));
    }

    /**
     * Whether a request is summed from the kept month sums: quarters and years not summed on the
     * month's sums; QTD and YTD with the period they read, or on their own unless some
     * rep-day is dated after the as-of date (a run for an earlier date), when the as-of date's
     * month sums hold days they must leave out.
     */
    private static boolean fromMonths(Request request, List<Request> requests, Shortcuts shortcuts, LocalDate lastRepDay) {
        return switch (request.type()) {
            case QUARTER, YEAR -> !shortcuts.onMonthSums().containsKey(request);
            case QTD, YTD -> {
                Request whole = periodRead(request, requests, lastRepDay);
                yield whole != null ? fromMonths(whole, requests, shortcuts, lastRepDay) : !request.factsAfter(lastRepDay);
            }
            default -> false;
        };
    }

    /**
     * The whole-period request whose rows a to-date request reads as its own (through the view
     * {@code rollup}): one that recomputes the period the to-date figures start with, when no fact
     * is dated after the as-of date (both then sum the same facts). Null when the to-date figures
     * must be summed on their own, and stored.
     */
    private static Request periodRead(Request toDate, List<Request> requests, LocalDate lastRepDay) {
        if (toDate.factsAfter(lastRepDay)) {
            return null;
        }
        PeriodType whole = toDate.type().wholePeriod();
        return requests.stream().filter(r -> r.type() == whole && !toDate.from().isBefore(r.from())
                && !toDate.from().isAfter(r.to())).findFirst().orElse(null);
    }

    /**
     * The current quarter or year summed over its months before the current one ({@code month},
     * that of the last rep-day), in a pass over the months: its sums are kept for the nights.
     */
    private record EarlierMonths(PeriodType type, LocalDate start, LocalDate month, PeriodFigures figures,
                                 PeriodFigures.Sums sums) {
        boolean takes(LocalDate monthStart) {
            return !monthStart.isBefore(start) && monthStart.isBefore(month);
        }
    }

    private int pass(List<Request> requests, boolean monthFacts, LocalDate lastRepDay, Shortcuts shortcuts,
                     RollupSettings settings, RollupReferences references, LocalDateTime now) {
        long t0 = System.nanoTime();
        List<PeriodFigures> figures = new ArrayList<>();
        // the per-rep sums of the months summed here, to be kept
        PeriodFigures.Sums monthSums = new PeriodFigures.Sums();
        List<EarlierMonths> earlierMonths = new ArrayList<>();
        // the visit sums kept for a month that starts from them, by month: only those that change are rewritten
        Map<LocalDate, KeptVisits> keptVisits = new HashMap<>();
        // the months whose kept sums stay as they are (see leavesSums)
        java.util.Set<LocalDate> monthsLeft = new java.util.HashSet<>();
        // the figures (by index) of the quarters and years summed on the month's sums
        java.util.Set<Integer> onMonthSums = new java.util.HashSet<>();
        List<Request> summed = new ArrayList<>();
        // per summed request, the first day whose facts it reads (later than its start for a month
        // that starts from its kept sums)
        List<LocalDate> readFrom = new ArrayList<>();
        for (Request request : requests) {
            PeriodType type = request.type();
            if (type.toDate()) {
                // only the latest as-of date is kept: the figures "so far" of the last run
                jdbc.update("DELETE FROM " + TABLE + " WHERE period_type = ?", type.name());
                jdbc.update("DELETE FROM rollup_to_date WHERE period_type = ?", type.name());
                Request whole = periodRead(request, requests, lastRepDay);
                if (whole != null) {
                    // the rows of the period it starts with, written in this run, are its rows (view rollup)
                    jdbc.update("INSERT INTO rollup_to_date (period_type, whole_type, period_start, as_of) VALUES (?,?,?,?)",
                            type.name(), whole.type().name(), Date.valueOf(request.from()), Date.valueOf(request.to()));
                    continue;
                }
                figures.add(new PeriodFigures(type, references, d -> request.from(), s -> request.to(), settings));
            } else {
                jdbc.update("DELETE FROM " + TABLE + " WHERE period_type = ? AND period_start BETWEEN ? AND ?", type.name(),
                        Date.valueOf(request.from()), Date.valueOf(request.to()));
                PeriodFigures periodFigures = new PeriodFigures(type, references, d -> type.startOf(d, settings), type::endOf,
                        settings);
                if (type.hasGrowth()) {
                    // the periods before the recomputed ones that they compare themselves with: the one
                    // just before, and those a year before (the recomputed ones are summed anew)
                    jdbc.query("SELECT period_start, entity_type, entity_id, orders_amount FROM " + TABLE + " WHERE period_type = ?"
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
            PeriodFigures periodFigures = figures.get(figures.size() - 1);
            KeptMonth keptMonth = shortcuts.keptMonths().get(request);
            LocalDate currentMonth = shortcuts.onMonthSums().get(request);
            if (type == PeriodType.MONTH) {
                // (its sums are taken for the quarter and year summed on them, even when they stay unkept)
                periodFigures.keepSums(monthSums);
                boolean sumsLeft = shortcuts.sumsLeft().contains(request);
                if (sumsLeft) {
                    monthsLeft.add(request.from());
                }
                if (keptMonth != null) {
                    KeptVisits kept = sumsLeft ? null : new KeptVisits();
                    addKept(periodFigures, type, request.from(), request.from(), keptMonth.through(), kept,
                            keptMonth.summedAgain());
                    if (kept != null) {
                        keptVisits.put(request.from(), kept);
                    }
                    readFrom.set(readFrom.size() - 1, keptMonth.through().plusDays(1));
                    if (!keptMonth.summedAgain().isEmpty()) {
                        readFacts(List.of(request), List.of(request.from()), List.of(periodFigures), List.of(), false,
                                request.from(), keptMonth.through(), keptMonth.summedAgain());
                    }
                }
                if (!sumsLeft) {
                    deleteKeptSums(type, request, keptMonth == null);
                }
            } else if (currentMonth != null) {
                // its earlier months' sums now, the month's sums as the month is summed; no facts of its own
                addKept(periodFigures, type, currentMonth, request.from(), request.lastDay(), null, Set.of());
                readFrom.set(readFrom.size() - 1, LocalDate.MAX);
                onMonthSums.add(figures.size() - 1);
            } else if (monthFacts && (type == PeriodType.QUARTER || type == PeriodType.YEAR)) {
                deleteKeptSums(type, request, true);
                if (lastRepDay != null && request.covers(lastRepDay)) {
                    PeriodFigures earlier = new PeriodFigures(type, references, d -> type.startOf(d, settings), type::endOf,
                            settings);
                    PeriodFigures.Sums sums = new PeriodFigures.Sums();
                    earlier.keepSums(sums);
                    earlierMonths.add(new EarlierMonths(type, type.startOf(lastRepDay, settings), lastRepDay.withDayOfMonth(1),
                            earlier, sums));
                }
            }
        }
        long preparing = System.nanoTime() - t0;
        LocalDate first = readFrom.stream().min(LocalDate::compareTo).orElse(requests.get(0).from());
        LocalDate last = requests.stream().map(Request::lastDay).max(LocalDate::compareTo).orElseThrow();
        int rows = 0;
        long reading = 0;
        long building = 0;
        long waiting = 0;
        long storing = 0;
        long keeping = 0;
        // a month of facts at a time: the periods that end in it are written and forgotten; after the
        // last rep-day no fact comes in, so the periods still open are all written with that month
        for (LocalDate from = first; !from.isAfter(last); ) {
            LocalDate to = monthFacts ? last : min(from.withDayOfMonth(from.lengthOfMonth()), last);
            long t = System.nanoTime();
            readFacts(summed, readFrom, figures, earlierMonths, monthFacts, from, to, null);
            reading += System.nanoTime() - t;
            boolean lastFacts = to.equals(last) || lastRepDay != null && !to.isBefore(lastRepDay);
            LocalDate endingBy = lastFacts ? null : to;
            // the rows are built on another thread while those built before them are stored: a night
            // spends about as long on each (in period order: a month's figures are taken before its
            // quarter's and year's, which add the month's sums)
            List<java.util.concurrent.Future<List<Object[]>>> built = new ArrayList<>();
            long[] buildNanos = {0};
            for (int i = 0; i < figures.size(); i++) {
                int index = i;
                built.add(builder.submit(() -> {
                    long started = System.nanoTime();
                    int repSumsBefore = monthSums.repSums().size();
                    int visitSumsBefore = monthSums.visitSums().size();
                    List<Object[]> written = figures.get(index).takeRowsEndingBy(endingBy, now);
                    if (summed.get(index).type() == PeriodType.MONTH) {
                        for (int j : onMonthSums) {
                            addMonthSums(summed.get(j), figures.get(j), monthSums, repSumsBefore, visitSumsBefore);
                        }
                    }
                    buildNanos[0] += System.nanoTime() - started;
                    return written;
                }));
            }
            try {
                for (var rowsBuilt : built) {
                    t = System.nanoTime();
                    List<Object[]> written = rowsOf(rowsBuilt);
                    waiting += System.nanoTime() - t;
                    t = System.nanoTime();
                    BulkInsert.insert(jdbc, TABLE, COLUMNS, written, row -> row);
                    storing += System.nanoTime() - t;
                    rows += written.size();
                }
            } finally {
                // (after a failure: the rest are not built for nothing)
                built.forEach(f -> f.cancel(true));
            }
            building += buildNanos[0];
            // a chunk is a calendar month: its month sums are complete
            t = System.nanoTime();
            monthSums.repSums().removeIf(sum -> monthsLeft.contains(sum.date()));
            monthSums.visitSums().removeIf(sum -> monthsLeft.contains(sum.date()));
            keep(PeriodType.MONTH, monthSums, start -> start, keptVisits);
            keeping += System.nanoTime() - t;
            from = lastFacts ? last.plusDays(1) : to.plusDays(1);
        }
        long t = System.nanoTime();
        for (EarlierMonths earlier : earlierMonths) {
            earlier.figures().takeSumsOnly();
            keep(earlier.type(), earlier.sums(), start -> earlier.month(), new HashMap<>());
        }
        keeping += System.nanoTime() - t;
        log.debug("{} from {}: {} rows in {} ms (deleting the old rows and reading kept sums {} ms, reading and summing"
                        + " {} ms, building rows {} ms (waited for {} ms), storing {} ms, keeping sums {} ms)",
                requests.stream().map(r -> r.type().name()).distinct().toList(), monthFacts ? "months" : "days", rows,
                (System.nanoTime() - t0) / 1_000_000, preparing / 1_000_000, reading / 1_000_000,
                building / 1_000_000, waiting / 1_000_000, storing / 1_000_000, keeping / 1_000_000);
        return rows;
    }

    /** The rows a builder task made; its failure as thrown on the builder's thread. */
    private static List<Object[]> rowsOf(java.util.concurrent.Future<List<Object[]>> built) {
        try {
            return built.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rollup rows were built", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Hands the facts dated {@code from..to} to the figures of every request covering them; only
     * those of {@code reps} when given (days only), without the new customers (those go with the
     * kept sums the figures started from).
     */
    private void readFacts(List<Request> requests, List<LocalDate> readFrom, List<PeriodFigures> figures,
                           List<EarlierMonths> earlierMonths, boolean monthFacts, LocalDate from, LocalDate to,
                           Set<String> reps) {
        String month = PeriodType.MONTH.name();
        // some reps' days: each date named, so that the database reads only their rows of each (by its
        // key, date then rep) rather than every rep's rows of the range
        List<Date> dates = reps == null ? List.of(Date.valueOf(from), Date.valueOf(to))
                : from.datesUntil(to.plusDays(1)).map(Date::valueOf).toList();
        String dated = reps == null ? " BETWEEN ? AND ?" : " IN (" + placeholders(dates.size()) + ") AND rep_id IN ("
                + placeholders(reps.size()) + ")";
        String repFacts = monthFacts ? KEPT_REP_SUMS
                : "SELECT work_date, rep_id, team_code, region_code, 1, work_date, " + REP_SUMS
                + ", complaints_open FROM rollup_rep_day WHERE work_date" + dated;
        Object[] range = monthFacts ? new Object[] {month, Date.valueOf(from), Date.valueOf(to)}
                : Stream.concat(dates.stream(), reps == null ? Stream.empty() : reps.stream()).toArray();
        // the rep-days read, by day and rep: a visit line counts on a day its rep was assigned as a
        // rep, for that day's team and region (looked up here rather than joined by the database)
        Map<String, Map<LocalDate, PeriodFigures.RepFact>> repDays = new HashMap<>();
        Covering covering = new Covering(requests, readFrom, figures);
        streaming.query(repFacts, rs -> {
            PeriodFigures.RepFact fact = repFact(rs);
            covering.hand(fact.date(), f -> f.add(fact));
            for (EarlierMonths earlier : earlierMonths) {
                if (earlier.takes(fact.date())) {
                    earlier.figures().add(fact);
                }
            }
            if (!monthFacts) {
                repDays.computeIfAbsent(fact.rep(), r -> new HashMap<>()).put(fact.date(), fact);
            }
        }, range);
        String visitFacts = monthFacts ? KEPT_VISIT_SUMS
                : "SELECT report_date, rep_id, NULL, NULL, customer_id, 1,"
                + " CASE WHEN effective THEN 1 ELSE 0 END, CASE WHEN order_amount > 0 THEN 1 ELSE 0 END,"
                + " COALESCE(order_amount, 0), COALESCE(gross_margin, 0), COALESCE(payment_collected, 0),"
                + " COALESCE(expense, 0) FROM report_line WHERE customer_id IS NOT NULL AND report_date" + dated;
        streaming.query(visitFacts, rs -> {
            PeriodFigures.VisitFact fact = visitFact(rs, monthFacts);
            if (!monthFacts) {
                Map<LocalDate, PeriodFigures.RepFact> days = repDays.get(fact.rep());
                PeriodFigures.RepFact day = days == null ? null : days.get(fact.date());
                if (day == null) {
                    return;
                }
                fact = fact.on(day);
            }
            PeriodFigures.VisitFact visit = fact;
            covering.hand(fact.date(), f -> f.add(visit));
            for (EarlierMonths earlier : earlierMonths) {
                if (earlier.takes(visit.date())) {
                    earlier.figures().add(visit);
                }
            }
        }, range);
        if (reps != null) {
            return;
        }
        streaming.query(NEW_CUSTOMERS, rs -> {
            LocalDate date = rs.getObject(1, LocalDate.class);
            String customer = rs.getString(2);
            covering.hand(date, f -> f.addNewCustomer(date, customer));
        }, Date.valueOf(from), Date.valueOf(to));
    }

    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** The figures of the requests a pass sums, with the days whose facts each reads. */
    private static final class Covering {
        private final List<PeriodFigures> figures;
        private final LocalDate[] firstDay;
        private final LocalDate[] lastDay;

        Covering(List<Request> requests, List<LocalDate> readFrom, List<PeriodFigures> figures) {
            this.figures = figures;
            this.firstDay = new LocalDate[figures.size()];
            this.lastDay = new LocalDate[figures.size()];
            for (int i = 0; i < firstDay.length; i++) {
                // (a request's own days start no later than the day it reads from)
                firstDay[i] = readFrom.get(i);
                lastDay[i] = requests.get(i).lastDay();
            }
        }

        /** Hands a fact dated {@code date} to the figures of each request that covers it and reads that day. */
        void hand(LocalDate date, java.util.function.Consumer<PeriodFigures> hand) {
            for (int i = 0; i < firstDay.length; i++) {
                if (!date.isBefore(firstDay[i]) && !date.isAfter(lastDay[i])) {
                    hand.accept(figures.get(i));
                }
            }
        }
    }

    /**
     * The last day a one-month request's kept sums cover, when the night touches only days after
     * it: the month then starts from those sums (the rep-days, lines and new customers up to that
     * day are unchanged since they were summed). Null when the month must be summed whole, and
     * always in a full recompute ({@code touched} null).
     */
    private KeptMonth keptThrough(Request request, TouchedDays touched) {
        if (touched == null || request.type() != PeriodType.MONTH || !request.from().equals(request.to())) {
            return null;
        }
        LocalDate kept = monthSumsKeptThrough(jdbc, request.from());
        if (kept == null) {
            return null;
        }
        LocalDate firstTouched = touched.dates().ceiling(request.from());
        if (firstTouched == null || firstTouched.isAfter(request.lastDay())) {
            return null;
        }
        if (firstTouched.isAfter(kept)) {
            return new KeptMonth(kept, Set.of());
        }
        // days the kept sums cover changed: for some reps only, those are summed again
        Set<String> reps = touched.repsBetween(request.from(), kept);
        return reps == null || reps.size() > MOST_REPS_SUMMED_AGAIN ? null : new KeptMonth(kept, reps);
    }

    /**
     * The month a one-period quarter or year request can be summed on: when the night's touched
     * dates in the period all fall in one month that holds the last rep-day, and the sums of the
     * period's months before it are kept (or it is the period's first month). The period is then
     * those sums plus the month's, which the same pass sums. Null otherwise, and always in a full
     * recompute.
     */
    private LocalDate onMonthSums(Request request, java.util.NavigableSet<LocalDate> touched, LocalDate lastRepDay) {
        if (touched == null || lastRepDay == null || (request.type() != PeriodType.QUARTER && request.type() != PeriodType.YEAR)
                || !request.from().equals(request.to())) {
            return null;
        }
        LocalDate firstTouched = touched.ceiling(request.from());
        LocalDate lastTouched = touched.floor(request.lastDay());
        if (firstTouched == null || lastTouched == null || firstTouched.isAfter(lastTouched)) {
            return null;
        }
        LocalDate month = firstTouched.withDayOfMonth(1);
        if (!lastTouched.withDayOfMonth(1).equals(month) || !lastRepDay.withDayOfMonth(1).equals(month)) {
            return null;
        }
        boolean kept = month.equals(request.from()) || jdbc.queryForObject("SELECT COUNT(*) FROM rollup_rep_sum"
                + " WHERE period_type = ? AND ps = ?", Integer.class, request.type().name(), Date.valueOf(month)) > 0;
        return kept ? month : null;
    }

    /**
     * Starts a period's figures from the sums kept as {@code type} and {@code ps}, but those of
     * {@code summedAgain}, and its new customers of {@code from..to}; notes the visit sums read
     * in {@code kept} when given (all of them: those summed again are rewritten where they changed).
     */
    private void addKept(PeriodFigures period, PeriodType type, LocalDate ps, LocalDate from, LocalDate to,
                         KeptVisits kept, Set<String> summedAgain) {
        Object[] key = {type.name(), Date.valueOf(ps), Date.valueOf(ps)};
        jdbc.query(KEPT_REP_SUMS, rs -> {
            PeriodFigures.RepFact fact = repFact(rs);
            if (!summedAgain.contains(fact.rep())) {
                period.add(fact);
            }
        }, key);
        jdbc.query(KEPT_VISIT_SUMS, rs -> {
            PeriodFigures.VisitFact fact = visitFact(rs, true);
            if (!summedAgain.contains(fact.rep())) {
                period.add(fact);
            }
            if (kept != null) {
                kept.note(fact, rs.getInt(KEPT_VISIT_SEQ));
            }
        }, key);
        jdbc.query(NEW_CUSTOMERS, rs -> {
            period.addNewCustomer(rs.getObject(1, LocalDate.class), rs.getString(2));
        }, Date.valueOf(from), Date.valueOf(to));
    }

    /** Hands the month sums just taken (from the given list positions on) to a quarter or year summed on them. */
    private static void addMonthSums(Request request, PeriodFigures period, PeriodFigures.Sums monthSums, int repSumsFrom,
                                     int visitSumsFrom) {
        LocalDate last = request.lastDay();
        java.util.function.Predicate<LocalDate> covered = date -> !date.isBefore(request.from()) && !date.isAfter(last);
        monthSums.repSums().subList(repSumsFrom, monthSums.repSums().size()).stream()
                .filter(f -> covered.test(f.date())).forEach(period::add);
        monthSums.visitSums().subList(visitSumsFrom, monthSums.visitSums().size()).stream()
                .filter(f -> covered.test(f.date())).forEach(period::add);
    }

    /**
     * Forgets the kept sums of the requested periods, which are summed anew; the visit sums only
     * when {@code visitsToo} (a month started from its kept sums rewrites only those that change).
     */
    private void deleteKeptSums(PeriodType type, Request request, boolean visitsToo) {
        for (String table : visitsToo ? List.of("rollup_rep_sum", "rollup_visit_sum") : List.of("rollup_rep_sum")) {
            jdbc.update("DELETE FROM " + table + " WHERE period_type = ? AND ps BETWEEN ? AND ?", type.name(),
                    Date.valueOf(request.from()), Date.valueOf(request.lastDay()));
        }
    }

    /** Quarters' and years' sums are kept only while current (see {@link EarlierMonths}). */
    private void forgetSumsOfPastQuarters(LocalDate lastRepDay, RollupSettings settings) {
        if (lastRepDay == null) {
            return;
        }
        for (PeriodType type : List.of(PeriodType.QUARTER, PeriodType.YEAR)) {
            for (String table : List.of("rollup_rep_sum", "rollup_visit_sum")) {
                jdbc.update("DELETE FROM " + table + " WHERE period_type = ? AND ps < ?", type.name(),
                        Date.valueOf(type.startOf(lastRepDay, settings)));
            }
        }
    }

    /**
     * Writes (and forgets) per-rep sums as {@code type}, each under the {@code ps} its period start
     * maps to. A month in {@code keptVisits} (started from its kept sums, which stay stored) has
     * only its visit sums that changed rewritten, under their old numbers, and its new ones added.
     */
    private void keep(PeriodType type, PeriodFigures.Sums sums, java.util.function.UnaryOperator<LocalDate> ps,
                      Map<LocalDate, KeptVisits> keptVisits) {
        List<PeriodFigures.RepFact> repSums = new ArrayList<>(sums.repSums());
        List<PeriodFigures.VisitFact> visitSums = new ArrayList<>(sums.visitSums());
        sums.repSums().clear();
        sums.visitSums().clear();
        // (the rows of one period are kept by one call: numbered here, they are unique in it)
        int[] seq = {0};
        BulkInsert.insert(jdbc, "rollup_rep_sum", REP_SUM_COLUMNS, repSums, m -> {
            List<Object> row = new ArrayList<>(List.of(type.name(), ps.apply(m.date()), m.rep()));
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
            row.add(m.complaintsOpen());
            row.add(seq[0]++);
            return row.toArray();
        });
        List<Object[]> visitRows = new ArrayList<>();
        for (PeriodFigures.VisitFact v : visitSums) {
            LocalDate start = ps.apply(v.date());
            KeptVisits kept = keptVisits.get(start);
            Integer number = kept == null ? Integer.valueOf(seq[0]++) : kept.numberToWrite(v);
            if (number != null) {
                visitRows.add(new Object[] {type.name(), start, v.rep(), v.team(), v.region(), v.customer(), v.visits(),
                        v.effectiveVisits(), v.orderVisits(), Ratio.fromCents(v.money()[0]), Ratio.fromCents(v.money()[1]),
                        Ratio.fromCents(v.money()[2]), Ratio.fromCents(v.money()[3]), v.lastVisit(), number});
            }
        }
        // the kept months summed in this call: their changed sums, and any no longer summed, go
        java.util.Set<LocalDate> summedHere = new java.util.HashSet<>();
        repSums.forEach(m -> summedHere.add(ps.apply(m.date())));
        visitSums.forEach(v -> summedHere.add(ps.apply(v.date())));
        for (LocalDate start : summedHere) {
            KeptVisits kept = keptVisits.remove(start);
            List<Integer> gone = kept == null ? List.of() : kept.toDelete();
            for (int i = 0; i < gone.size(); i += 1000) {
                List<Integer> part = gone.subList(i, Math.min(gone.size(), i + 1000));
                jdbc.update("DELETE FROM rollup_visit_sum WHERE period_type = ? AND ps = ? AND seq IN ("
                        + placeholders(part.size()) + ")",
                        Stream.concat(Stream.of(type.name(), Date.valueOf(start)), part.stream()).toArray());
            }
        }
        BulkInsert.insert(jdbc, "rollup_visit_sum", VISIT_SUM_COLUMNS, visitRows, row -> row);
    }

    /** A rep's visits to a customer, for one team and region: the key of a kept visit sum within its period. */
    private record VisitPair(String rep, String team, String region, String customer) {
        static VisitPair of(PeriodFigures.VisitFact fact) {
            return new VisitPair(fact.rep(), fact.team(), fact.region(), fact.customer());
        }
    }

    /**
     * The visit sums a month started from, as stored (with their numbers): those not yet summed
     * again, and the numbers of those rewritten.
     */
    private static final class KeptVisits {
        private record Kept(int seq, PeriodFigures.VisitFact fact) {
        }

        private final Map<VisitPair, Kept> pairs = new HashMap<>();
        private final List<Integer> replaced = new ArrayList<>();
        private int lastSeq = -1;

        void note(PeriodFigures.VisitFact fact, int seq) {
            pairs.put(VisitPair.of(fact), new Kept(seq, fact));
            lastSeq = Math.max(lastSeq, seq);
        }

        /** The number to store a month's visit sum under; null when it is stored already as it is. */
        Integer numberToWrite(PeriodFigures.VisitFact sum) {
            Kept kept = pairs.remove(VisitPair.of(sum));
            if (kept == null) {
                return ++lastSeq;
            }
            if (sameFigures(kept.fact(), sum)) {
                return null;
            }
            replaced.add(kept.seq());
            return kept.seq();
        }

        /** The numbers of the stored sums to delete: those rewritten, and those no longer summed. */
        List<Integer> toDelete() {
            List<Integer> numbers = new ArrayList<>(replaced);
            pairs.values().forEach(kept -> numbers.add(kept.seq()));
            return numbers;
        }

        private static boolean sameFigures(PeriodFigures.VisitFact a, PeriodFigures.VisitFact b) {
            return a.visits() == b.visits() && a.effectiveVisits() == b.effectiveVisits() && a.orderVisits() == b.orderVisits()
                    && Arrays.equals(a.money(), b.money()) && java.util.Objects.equals(a.lastVisit(), b.lastVisit());
        }
    }

    /**
     * Columns: date, rep, team, region, rep-days, last day, then {@link #REP_SUMS}, then the
     * complaints still open at the end of the last day.
     */
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
                rs.getLong(5), rs.getObject(6, LocalDate.class), money, counts, shares, rs.getLong(c), rs.getLong(c + 1));
    }

    /**
     * Columns: date, rep, team, region, customer, then {@link #VISIT_SUMS}, then for kept sums the
     * last day visited (a day's visits were on their date).
     */
    private static PeriodFigures.VisitFact visitFact(ResultSet rs, boolean kept) throws SQLException {
        long[] money = new long[PeriodFigures.MONEY];
        for (int i = 0; i < money.length; i++) {
            money[i] = Ratio.cents(rs.getBigDecimal(9 + i));
        }
        LocalDate date = rs.getObject(1, LocalDate.class);
        return new PeriodFigures.VisitFact(date, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), money, kept ? rs.getObject(9 + money.length, LocalDate.class) : date);
    }

}
