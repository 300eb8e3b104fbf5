package com.kam.pipeline.rollup;

import com.kam.pipeline.system.KamProperties;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Turns the ingested rows into the stored figures for a business date. The first run, a run
 * after organisation or customer master data that changes what the figures are built from
 * ({@link FiguresMasterData}), and a forced full run recompute everything;
 * any other night recomputes only the dates touched by new or corrected rows (the ingest's
 * {@code recompute_request}) and the days since the last run, then every period containing them.
 */
@Service
public class RollupService implements com.kam.pipeline.system.ConfigurationCheck {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);
    /** The kinds of input the rollups read; opportunity requests are the forecast's business. */
    private static final List<String> KINDS = List.of("daily_report", "visit_plan", "target");

    /** What a run did. */
    public record Result(String mode, String reason, LocalDate firstDate, LocalDate lastDate, int dates, int rows,
                         List<LocalDate[]> ranges, String notice) {

        public Result(String mode, String reason, LocalDate firstDate, LocalDate lastDate, int dates, int rows,
                      List<LocalDate[]> ranges) {
            this(mode, reason, firstDate, lastDate, dates, rows, ranges, "");
        }

        /** A run whose dates need not be listed (a full recompute, or none). */
        public Result(String mode, String reason, LocalDate firstDate, LocalDate lastDate, int dates, int rows) {
            this(mode, reason, firstDate, lastDate, dates, rows, List.of());
        }

        public String format() {
            String line = dates == 0 ? "rollup: nothing to recompute (" + reason + ")"
                    : String.format("rollup %s (%s): %d dates from %s to %s, %d rows written", mode, reason, dates,
                    firstDate, lastDate, rows);
            return notice.isEmpty() ? line : line + System.lineSeparator() + "  " + notice;
        }

        /** This result with a line to say under it. */
        Result withNotice(String line) {
            return new Result(mode, reason, firstDate, lastDate, dates, rows, ranges, line);
        }
    }

    /**
     * The master load a migration gives the runs when it changes what the stored figures hold
     * (V10, V21, V24): the next run recomputes everything.
     */
    private static final long DEFINITIONS_CHANGED = -1;

    /** The figures each rollup row carries (its columns less keys, labels and the timestamp). */
    public static final int MEASURES_COMPUTED = PeriodRollup.MEASURES;

    /** The table the rollup rows are stored in (the view {@code rollup} adds the to-date rows). */
    public static final String ROW_TABLE = PeriodRollup.TABLE;

    private final JdbcTemplate jdbc;
    private final KamProperties properties;
    private final CalendarTable calendar;
    private final CustomerOrderDays orderDays;
    private final ComplaintDays complaintDays;
    private final RepDayFacts repDays;
    private final PeriodRollup periods;
    private final GrowthPass growth;
    private final Appraisals appraisals;
    private final Warnings warnings;
    private final AbnormalCustomers abnormal;
    private final NextWeekTargets nextWeek;
    private final FiguresMasterData masterData;
    private final LeftForTheReport left;
    /** Transactions of their own for the figures a report has made ({@link #makeWeekLeft}). */
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    private final int workMemoryMb;

    public RollupService(JdbcTemplate jdbc, KamProperties properties,
                         @org.springframework.beans.factory.annotation.Value("${kam.rollup.work-memory-mb:1024}") int workMemoryMb) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.workMemoryMb = workMemoryMb;
        this.calendar = new CalendarTable(jdbc);
        this.orderDays = new CustomerOrderDays(jdbc);
        this.complaintDays = new ComplaintDays(jdbc);
        this.repDays = new RepDayFacts(jdbc, complaintDays);
        this.periods = new PeriodRollup(jdbc);
        this.growth = new GrowthPass(jdbc);
        this.appraisals = new Appraisals(jdbc);
        this.warnings = new Warnings(jdbc);
        this.abnormal = new AbnormalCustomers(jdbc);
        this.nextWeek = new NextWeekTargets(jdbc);
        this.masterData = new FiguresMasterData(jdbc);
        this.left = new LeftForTheReport(jdbc);
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(jdbc.getDataSource()));
    }

    /** Checks the configuration files; throws {@link com.kam.pipeline.system.ConfigException} naming file and line. */
    @Override
    public void check() {
        RollupSettings.load(properties.jobs());
        AppraisalSettings.load(properties.jobs());
    }

    /**
     * The figures for {@code asOf}; {@code restateAppraisals}: a full recompute that scores the closed
     * months' appraisals with {@code appraisal.yml} as it is, not with the settings they were scored with.
     */
    public Result run(LocalDate asOf, boolean forceFull, boolean restateAppraisals) {
        long begun = System.nanoTime();
        RollupSettings settings = RollupSettings.load(properties.jobs());
        AppraisalSettings.load(properties.jobs()); // a bad appraisal.yml is refused here, before anything is written
        LocalDateTime started = LocalDateTime.now();
        Timestamp now = Timestamp.valueOf(started);
        giveGroupingMemory();
        // (a refused master file may have kept the rows it read before its problem: they count too)
        long masterLoad = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM ingest_load WHERE kind IN ('org', 'customer')"
                + " AND (status = 'LOADED' OR (status = 'REFUSED' AND rows_loaded > 0))", Long.class);
        List<java.util.Map<String, Object>> last = jdbc.queryForList("SELECT business_date, master_load_id FROM rollup_run"
                + " ORDER BY id DESC LIMIT 1");
        Date first = jdbc.queryForObject("SELECT MIN(d) FROM (SELECT MIN(report_date) AS d FROM report_line"
                + " UNION ALL SELECT MIN(plan_date) FROM visit_plan) x", Date.class);
        Long lastMaster = last.isEmpty() ? null : ((Number) last.get(0).get("master_load_id")).longValue();
        if (first == null || first.toLocalDate().isAfter(asOf)) {
            // nothing recomputed: the figures are still those the last run saw the master data of
            return record(asOf, new Result("FULL", "no reports or plans yet", null, null, 0, 0),
                    lastMaster == null ? masterLoad : lastMaster, started);
        }
        // whole months from the first reported one, so that its targets and reports due are complete
        LocalDate firstDate = first.toLocalDate().withDayOfMonth(1);
        // a run for a date before the last one (a night run again) keeps the later days' figures: they
        // are recomputed too where tonight's rows change them, so the calendar reaches them
        LocalDate lastRepDay = RepDayFacts.lastDay(jdbc);
        // the first month the figures hold: where the last full recompute started (none: nothing rolled up yet)
        LocalDate firstRolledUp = jdbc.queryForList("SELECT first_date FROM rollup_run WHERE mode = 'FULL'"
                + " AND first_date IS NOT NULL ORDER BY id DESC LIMIT 1", LocalDate.class).stream().findFirst().orElse(null);
        LocalDate through = lastRepDay != null && lastRepDay.isAfter(asOf) ? lastRepDay : asOf;
        long t0 = System.nanoTime();
        log.debug("settings and the last run read in {} ms", millis(begun));
        // (compared to the end of the last month rolled up: a working day changed after its last day
        // still spreads the month's targets anew over the days rolled up)
        CalendarTable.Changes changes = calendar.write(firstDate, through.withDayOfMonth(through.lengthOfMonth()), settings);
        boolean frequencyChanged = writeVisitFrequency(settings);
        Periods periods = new Periods(settings, RollupReferences.load(jdbc), started.truncatedTo(ChronoUnit.MICROS));
        log.debug("calendar and references in {} ms", millis(t0));

        // a master file read since the last run: whether it changes anything the figures are built from
        boolean masterLoaded = lastMaster != null && lastMaster != DEFINITIONS_CHANGED && lastMaster != masterLoad;
        String masterChange = masterLoaded ? masterData.change() : null;
        String reason;
        if (restateAppraisals) {
            reason = "full recompute asked for, closed months' appraisals restated";
        } else if (forceFull) {
            reason = "full recompute asked for";
        } else if (last.isEmpty()) {
            reason = "first run";
        } else if (lastMaster == DEFINITIONS_CHANGED) {
            reason = "an upgrade changed what the figures hold";
        } else if (masterChange != null) {
            reason = masterChange;
        } else if (firstRolledUp == null || firstDate.isBefore(firstRolledUp)) {
            // the figures start with whole months: every day of the new first month has its rep-days (also
            // when the runs before rolled up none: they had no reports or plans yet)
            reason = "reports or plans came for " + YearMonth.from(firstDate) + ", before the first month rolled up ("
                    + (firstRolledUp == null ? "none yet" : YearMonth.from(firstRolledUp)) + ")";
        } else if (changes.weekStart()) {
            reason = "rollup.yml changed the week start";
        } else if (frequencyChanged) {
            reason = "rollup.yml changed the visit frequencies";
        } else {
            reason = null;
        }
        if (masterLoaded && masterChange == null) {
            log.info("rollup {}: the organisation and customer data read since the last run change nothing the figures are"
                    + " built from (no assignment, name, customer class or segment; new customers have no earlier rows)", asOf);
        }
        // a month is closed (its appraisals keep the settings people were paid on) once a day after it
        // has been rolled up: on a night run again for an earlier date too, whose own date may be in it,
        // and on a full recompute for one
        AppraisalMonthSettings appraisal = new AppraisalMonthSettings(jdbc, properties.jobs(), through, restateAppraisals);
        Result result = reason != null ? full(lastRepDay, firstDate, asOf, settings, appraisal, now, periods, reason)
                : incremental(((Date) last.get(0).get("business_date")).toLocalDate(), lastRepDay, firstDate, asOf, through,
                changes.days(), settings, appraisal, now, periods);
        if (reason != null || masterLoaded) {
            masterData.record();
        }
        // (an incremental night run again for an earlier date recomputed what its files change up to the
        // last day rolled up, after the run's date too)
        LocalDate doneThrough = reason == null ? through : asOf;
        jdbc.update("UPDATE recompute_request SET done_at = ? WHERE done_at IS NULL AND data_date <= ? AND kind IN ('"
                + String.join("','", KINDS) + "')", now, Date.valueOf(doneThrough));
        String kept = appraisal.notice(doneThrough);
        if (!kept.isEmpty()) {
            log.info("rollup {}: {}", asOf, kept);
        }
        Result recorded = record(asOf, result.withNotice(kept), masterLoad, started);
        log.debug("rollup {} in {} ms", asOf, millis(begun));
        return recorded;
    }

    /** What every period rollup of a run needs. */
    private record Periods(RollupSettings settings, RollupReferences references, LocalDateTime computedAt) {
    }

    /** {@code touched}: the dates a night recomputes; null for a full recompute. */
    private int writePeriods(List<PeriodRollup.Request> requests, Periods run, TouchedDays touched) {
        return periods.write(requests, run.settings(), run.references(), run.computedAt(), touched);
    }

    private Result full(LocalDate rolledUpBefore, LocalDate first, LocalDate asOf, RollupSettings settings,
                        AppraisalMonthSettings appraisal, Timestamp now, Periods run, String reason) {
        log.info("rollup {}: full recompute from {} ({})", asOf, first, reason);
        jdbc.update("DELETE FROM " + PeriodRollup.TABLE);
        jdbc.update("DELETE FROM rollup_to_date");
        jdbc.update("DELETE FROM rollup_rep_day");
        jdbc.update("DELETE FROM rollup_complaint_day");
        jdbc.update("DELETE FROM customer_order_day");
        jdbc.update("DELETE FROM customer_new_day");
        jdbc.update("DELETE FROM rollup_visit_sum");
        jdbc.update("DELETE FROM rollup_rep_sum");
        long t0 = System.nanoTime();
        orderDays.refresh(first, asOf, false);
        orderDays.markNewCustomers(first, asOf);
        int rows = repDays.rebuild(first, asOf);
        log.info("rollup {}: {} rep-days in {} s", asOf, rows, seconds(t0));
        long t = System.nanoTime();
        List<PeriodRollup.Request> requests = new ArrayList<>();
        for (PeriodType type : PeriodType.whole()) {
            requests.add(new PeriodRollup.Request(type, type.startOf(first, settings), type.startOf(asOf, settings)));
        }
        rows += writePeriods(withToDate(requests, asOf, settings), run, null);
        log.info("rollup {}: day to year figures written in {} s", asOf, seconds(t));
        jdbc.update("DELETE FROM rollup_warning");
        // (a full recompute for an earlier date: the periods after it have no figures to make any more)
        jdbc.update("DELETE FROM rollup_left_for_report WHERE period_start > ?", Date.valueOf(asOf));
        rows += figuresAfterPeriods(rolledUpBefore, asOf, asOf, settings, appraisal, now, first.withDayOfMonth(1),
                asOf.withDayOfMonth(1), CalendarTable.weekStart(first, settings), CalendarTable.weekStart(asOf, settings));
        return new Result("FULL", reason, first, asOf, (int) (asOf.toEpochDay() - first.toEpochDay()) + 1, rows);
    }

    /**
     * {@code through}: the last day with figures, the as-of date or, on a run for an earlier date,
     * the last rep-day; the days up to it that tonight's rows change are recomputed with them.
     */
    private Result incremental(LocalDate lastRun, LocalDate rolledUpBefore, LocalDate first, LocalDate asOf,
                               LocalDate through, NavigableSet<LocalDate> restated, RollupSettings settings, AppraisalMonthSettings appraisal,
                               Timestamp now, Periods run) {
        long t0 = System.nanoTime();
        TouchedDays touched = touchedDates(lastRun, asOf, through);
        NavigableSet<LocalDate> dates = touched.dates();
        if (!restated.isEmpty()) {
            // one rule for every day: those rolled up under the old deadline or working days are judged again
            log.info("rollup {}: rollup.yml changed the report deadline or working days of {} day(s) of the months rolled up"
                    + " ({}..{}); the days of their months rolled up are recomputed", asOf, restated.size(), restated.first(),
                    restated.last());
        }
        // a changed working day spreads its month's targets over the month's working days anew: every
        // day of the month that has rep-days is recomputed with it
        for (LocalDate d : restated) {
            for (LocalDate m = d.withDayOfMonth(1); m.getMonth() == d.getMonth() && !m.isAfter(through); m = m.plusDays(1)) {
                touched.everyRep(m);
            }
        }
        // (on a night run again for an earlier date, the days rolled up after it that its files or a
        // respread month change are recomputed too: up to the last day rolled up, none later)
        dates.removeIf(d -> d.isBefore(first) || d.isAfter(through));
        if (dates.isEmpty()) {
            int rows = writePeriods(withToDate(List.of(), asOf, settings), run, touched);
            rows += figuresAfterPeriods(rolledUpBefore, asOf, through, settings, appraisal, now, null, null, null, null);
            return new Result("INCREMENTAL", "no new rows", null, null, 0, rows);
        }
        // an order on a touched day can change whether the customer's next order is a new customer's
        NavigableSet<LocalDate> later = new TreeSet<>();
        for (LocalDate[] range : DateRanges.of(dates)) {
            later.addAll(orderDays.refresh(range[0], range[1], true));
            // a changed complaint count changes the rep's later resolution times and open complaints
            later.addAll(complaintDays.laterDates(range[0], range[1]));
        }
        later.removeIf(d -> d.isAfter(through));
        // (their reps are those whose rep-day the new orders or complaints change)
        later.forEach(d -> touched.reps(d, List.of()));
        int rows = 0;
        for (LocalDate[] range : DateRanges.of(dates)) {
            orderDays.markNewCustomers(range[0], range[1]);
            rows += repDays.rebuild(range[0], range[1], (day, rep) -> touched.reps(day, List.of(rep)));
        }
        log.debug("order days, new customers and rep-days in {} ms", millis(t0));
        // the periods containing the dates, by type
        java.util.Map<PeriodType, NavigableSet<LocalDate>> touchedPeriods = new java.util.EnumMap<>(PeriodType.class);
        List<PeriodRollup.Request> requests = new ArrayList<>();
        for (PeriodType type : PeriodType.whole()) {
            NavigableSet<LocalDate> starts = new TreeSet<>();
            dates.forEach(d -> starts.add(type.startOf(d, settings)));
            touchedPeriods.put(type, starts);
            for (LocalDate[] range : runsOf(type, starts)) {
                requests.add(new PeriodRollup.Request(type, range[0], range[1]));
            }
        }
        rows += writePeriods(withToDate(requests, asOf, settings), run, touched);
        long t1 = System.nanoTime();
        for (PeriodType type : PeriodType.whole()) {
            NavigableSet<LocalDate> starts = touchedPeriods.get(type);
            // the periods after a recomputed one compare themselves with it: those not recomputed, and
            // those recomputed in another run of periods (its old rows were gone when theirs were summed:
            // a late report of last February on a night that also recomputes this February)
            java.util.Map<LocalDate, Integer> runOf = new java.util.HashMap<>();
            List<LocalDate[]> runs = runsOf(type, starts);
            for (int i = 0; i < runs.size(); i++) {
                for (LocalDate p = runs.get(i)[0]; !p.isAfter(runs.get(i)[1]); p = type.endOf(p).plusDays(1)) {
                    runOf.put(p, i);
                }
            }
            NavigableSet<LocalDate> followers = new TreeSet<>();
            starts.forEach(s -> {
                for (LocalDate f : List.of(type.startOf(type.endOf(s).plusDays(1), settings), type.startOf(s.plusYears(1), settings))) {
                    if (!runOf.containsKey(f) || !runOf.get(f).equals(runOf.get(s))) {
                        followers.add(f);
                    }
                }
            });
            followers.removeIf(s -> s.isAfter(through));
            followers.forEach(s -> growth.run(type, s, s));
        }
        log.debug("growth of the following periods in {} ms", millis(t1));
        LocalDate firstWeek = CalendarTable.weekStart(dates.first(), settings);
        rows += figuresAfterPeriods(rolledUpBefore, asOf, through, settings, appraisal, now, dates.first().withDayOfMonth(1),
                dates.last().withDayOfMonth(1), firstWeek, CalendarTable.weekStart(through, settings));
        log.info("rollup {}: incremental, {} dates from {} to {}", asOf, dates.size(), dates.first(), dates.last());
        return new Result("INCREMENTAL", "new or corrected rows", dates.first(), dates.last(), dates.size(), rows,
                DateRanges.of(dates));
    }

    /**
     * The runs of periods a night recomputes, one request each: months one by one, so that each
     * may start from its kept sums (a late report of the month's last day on the next month's first
     * night), other periods in runs of consecutive ones.
     */
    private static List<LocalDate[]> runsOf(PeriodType type, NavigableSet<LocalDate> starts) {
        return type == PeriodType.MONTH ? starts.stream().map(s -> new LocalDate[] {s, s}).toList()
                : DateRanges.ofPeriods(starts, type);
    }

    /**
     * The requests plus the to-date figures of the as-of date (only the latest are kept), read in
     * the same passes as the periods.
     */
    private static List<PeriodRollup.Request> withToDate(List<PeriodRollup.Request> requests, LocalDate asOf,
                                                         RollupSettings settings) {
        List<PeriodRollup.Request> all = new ArrayList<>(requests);
        for (PeriodType type : PeriodType.toDateKinds()) {
            all.add(new PeriodRollup.Request(type, type.startOf(asOf, settings), asOf));
        }
        return all;
    }

    /**
     * Appraisals, warnings, abnormal customers and next week's targets, which read the period rows
     * and rep-days. {@code through}: the last day rolled up; {@code rolledUpBefore}: the last day
     * rolled up before this run (null for the first). Those of the weeks and months it closes are
     * written; those of the week and month still open are left for their report
     * ({@link LeftForTheReport}), on a night run again for an earlier date too.
     */
    private int figuresAfterPeriods(LocalDate rolledUpBefore, LocalDate asOf, LocalDate through, RollupSettings settings,
                                    AppraisalMonthSettings appraisal, Timestamp now,
                                    LocalDate firstMonth, LocalDate lastMonth, LocalDate firstWeek, LocalDate lastWeek) {
        int rows = 0;
        LocalDate openMonth = YearMonth.from(through).atEndOfMonth().equals(through) ? null : through.withDayOfMonth(1);
        LocalDate openWeek = CalendarTable.weekStart(through, settings);
        openWeek = openWeek.plusDays(6).equals(through) ? null : openWeek;
        long t = System.nanoTime();
        if (firstMonth != null) {
            LocalDate lastClosedMonth = openMonth == null || lastMonth.isBefore(openMonth) ? lastMonth : openMonth.minusMonths(1);
            for (LocalDate m = firstMonth; !m.isAfter(lastClosedMonth); m = m.plusMonths(1)) {
                rows += monthFigures(m, appraisal, settings, now);
            }
            log.debug("appraisals in {} ms", millis(t));
            t = System.nanoTime();
            // a week's warning compares it with the weeks before, so the weeks after a touched one are redone too
            LocalDate lastClosedWeek = openWeek == null || lastWeek.isBefore(openWeek) ? lastWeek : openWeek.minusWeeks(1);
            if (!firstWeek.isAfter(lastClosedWeek)) {
                rows += warnings.writeWeeks(firstWeek, lastClosedWeek, settings);
            }
            log.debug("warnings in {} ms", millis(t));
        }
        if (openMonth != null) {
            // (its settings are recorded all the same: an edit of appraisal.yml after the month's last
            // night, if that night is missed, must not score it)
            appraisal.forMonth(openMonth, now);
            left.leave(LeftForTheReport.MONTH, openMonth, through);
        }
        if (openWeek != null) {
            left.leave(LeftForTheReport.WEEK, openWeek, through);
        }
        // the lists of a week are as of its last day, made by the run that first rolls it up (a later
        // night when the week's last night was missed, or a full recompute), or as of the date of a
        // night run again for a day of a closed week (as they always were)
        java.util.Set<LocalDate> listDays = new java.util.TreeSet<>();
        for (LocalDate d = rolledUpBefore == null ? asOf : rolledUpBefore.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
            if (CalendarTable.weekStart(d, settings).plusDays(6).equals(d)) {
                listDays.add(d);
            }
        }
        if (!CalendarTable.weekStart(asOf, settings).equals(openWeek)) {
            listDays.add(asOf);
        }
        for (LocalDate day : listDays) {
            rows += weekLists(day, settings, now);
            left.made(LeftForTheReport.WEEK, CalendarTable.weekStart(day, settings));
        }
        return rows;
    }

    /** Rewrites the appraisals and expense warnings of the month starting on {@code month}; returns the rows written. */
    private int monthFigures(LocalDate month, AppraisalMonthSettings appraisal, RollupSettings settings, Timestamp now) {
        int rows = appraisals.write(month, appraisal, now) + warnings.writeMonths(month, month, settings);
        left.made(LeftForTheReport.MONTH, month);
        return rows;
    }

    /** Rewrites the lists of the week holding {@code asOf} as of that date; returns the rows written. */
    private int weekLists(LocalDate asOf, RollupSettings settings, Timestamp now) {
        long t = System.nanoTime();
        KeyCustomerVisits keyCustomers = KeyCustomerVisits.read(jdbc, asOf, settings);
        int rows = abnormal.write(keyCustomers, settings);
        log.debug("abnormal customers in {} ms", millis(t));
        t = System.nanoTime();
        rows += nextWeek.write(keyCustomers, settings, now);
        log.debug("next week's targets and plan in {} ms", millis(t));
        return rows;
    }

    /**
     * Makes the figures of the week holding {@code date} that the nights left for its report (its
     * warnings, abnormal customers and next week's targets): the lists as of the last day rolled up
     * in that week (its last day when its last night was missed and a later one ran), from the
     * figures and rollup.yml as they are now. Returns a line saying so; empty when none were left
     * (or nothing of the week is rolled up any more).
     */
    public String makeWeekLeft(LocalDate date) {
        RollupSettings settings = RollupSettings.load(properties.jobs());
        LocalDate week = CalendarTable.weekStart(date, settings);
        return transaction.execute(status -> {
            LocalDate lastRolledUp = RepDayFacts.lastDay(jdbc);
            if (left.asOf(LeftForTheReport.WEEK, week) == null || lastRolledUp == null || lastRolledUp.isBefore(week)) {
                return "";
            }
            LocalDate asOf = lastRolledUp.isAfter(week.plusDays(6)) ? week.plusDays(6) : lastRolledUp;
            warnings.writeWeeks(week, week, settings);
            weekLists(asOf, settings, Timestamp.valueOf(LocalDateTime.now()));
            left.made(LeftForTheReport.WEEK, week);
            return "rollup: the week from " + week + " made for its report: warnings, and abnormal customers and next"
                    + " week's targets as of " + asOf;
        });
    }

    /**
     * Makes the figures of the month holding {@code date} that the nights left for its scorecard
     * (its appraisals and expense warnings), from its figures so far, scored with the settings the
     * nights recorded for the month. Returns a line saying so; empty when none were left.
     */
    public String makeMonthLeft(LocalDate date) {
        LocalDate month = date.withDayOfMonth(1);
        return transaction.execute(status -> {
            LocalDate asOf = left.asOf(LeftForTheReport.MONTH, month);
            if (asOf == null) {
                return "";
            }
            int rows = monthFigures(month, AppraisalMonthSettings.asRecorded(jdbc, properties.jobs(), asOf),
                    RollupSettings.load(properties.jobs()), Timestamp.valueOf(LocalDateTime.now()));
            return "rollup: the appraisals and expense warnings of " + YearMonth.from(month) + " made from its figures so far"
                    + " for its scorecards (" + rows + " rows)";
        });
    }

    /**
     * Writes the expense warnings of the months of the week holding {@code date} (up to that date)
     * from their figures so far, where the nights left them: the weekly report shows them, an early
     * warning against the budget of the sales target so far (and a closed month's final ones, made
     * on its last night, for a week across its end). The months' appraisals stay left for their
     * scorecards, which write both again. Returns a line saying so; empty when none were left.
     */
    public String makeExpenseWarningsLeft(LocalDate date) {
        RollupSettings settings = RollupSettings.load(properties.jobs());
        return transaction.execute(status -> {
            List<String> made = new ArrayList<>();
            for (LocalDate month = CalendarTable.weekStart(date, settings).withDayOfMonth(1); !month.isAfter(date);
                 month = month.plusMonths(1)) {
                if (left.asOf(LeftForTheReport.MONTH, month) != null) {
                    made.add(YearMonth.from(month) + " (" + warnings.writeMonths(month, month, settings) + " rows)");
                }
            }
            return made.isEmpty() ? "" : "rollup: the expense warnings of " + String.join(", ", made)
                    + " made from the figures so far for the weekly report";
        });
    }

    /**
     * The dates touched since the last run: every day after the last run's date, and those of the
     * open recompute requests. A report or plan file changes the figures of the reps it has rows
     * for on its dates (it replaces only their rows), a target file every rep's.
     */
    private TouchedDays touchedDates(LocalDate lastRun, LocalDate asOf, LocalDate through) {
        TouchedDays touched = new TouchedDays();
        for (LocalDate d = lastRun.plusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
            touched.everyRep(d);
        }
        // a target is for a month: every day of it (those rolled up after the run's date too, also in
        // a month that starts after it: the request is done once this run has recomputed them)
        String targets = "SELECT DISTINCT data_date FROM recompute_request WHERE done_at IS NULL AND data_date <= ? AND kind = 'target'";
        jdbc.query(targets, rs -> {
            LocalDate d = rs.getDate(1).toLocalDate();
            for (LocalDate m = d.withDayOfMonth(1); m.getMonth() == d.getMonth(); m = m.plusDays(1)) {
                touched.everyRep(m);
            }
        }, Date.valueOf(through));
        // (the days after the last run's date are every rep's already)
        for (String[] dated : List.of(new String[] {"daily_report", "report_line", "report_date"},
                new String[] {"visit_plan", "visit_plan", "plan_date"})) {
            jdbc.query("SELECT DISTINCT r.data_date, t.rep_id FROM recompute_request r LEFT JOIN " + dated[1] + " t ON t."
                    + dated[2] + " = r.data_date AND t.load_id = r.load_id WHERE r.done_at IS NULL AND r.data_date <= ?"
                    + " AND r.kind = ?", rs -> {
                        String rep = rs.getString(2);
                        LocalDate date = rs.getDate(1).toLocalDate();
                        if (rep == null) {
                            // none of its rows of the date is left: a later load replaced them, maybe with the
                            // same rows (and then no request of its own), so whose rows changed is not known
                            touched.everyRep(date);
                        } else {
                            touched.reps(date, List.of(rep));
                        }
                    }, Date.valueOf(lastRun.isBefore(through) ? lastRun : through), dated[0]);
        }
        return touched;
    }

    /**
     * MariaDB groups in memory only up to tmp_table_size (16 MB by default) and spills to disk
     * beyond it, which triples the time of the per-customer grouping; this session may use more
     * (a year of days per rep and customer needs about 400 MB: the engine stores keys at full width).
     * (The job's step runs in one transaction, so every statement of the run uses this session.)
     */
    private void giveGroupingMemory() {
        String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                c -> c.getMetaData().getDatabaseProductName());
        if (product != null && (product.toLowerCase().contains("maria") || product.toLowerCase().contains("mysql"))) {
            long bytes = workMemoryMb * 1024L * 1024L;
            jdbc.execute("SET SESSION tmp_table_size = " + bytes + ", max_heap_table_size = " + bytes);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }

    /** Rewrites the visits each A/B/C class asks for per period; returns whether rollup.yml changed them since the last run. */
    private boolean writeVisitFrequency(RollupSettings settings) {
        java.util.Set<String> before = new java.util.HashSet<>(jdbc.query("SELECT abc_class, period_type, required_visits"
                + " FROM visit_frequency", (rs, i) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3)));
        jdbc.update("DELETE FROM visit_frequency");
        List<Object[]> rows = new ArrayList<>();
        settings.visitFrequency().forEach((abc, perMonth) -> {
            rows.add(new Object[] {abc, "DAY", Math.min(1, perMonth)});
            rows.add(new Object[] {abc, "WEEK", (perMonth + 3) / 4});
            rows.add(new Object[] {abc, "MONTH", perMonth});
            rows.add(new Object[] {abc, "QUARTER", perMonth * 3});
            rows.add(new Object[] {abc, "YEAR", perMonth * 12});
        });
        jdbc.batchUpdate("INSERT INTO visit_frequency (abc_class, period_type, required_visits) VALUES (?,?,?)", rows);
        java.util.Set<String> after = new java.util.HashSet<>();
        rows.forEach(r -> after.add(r[0] + "/" + r[1] + "/" + r[2]));
        return !before.isEmpty() && !before.equals(after);
    }

    private Result record(LocalDate asOf, Result result, long masterLoad, LocalDateTime started) {
        jdbc.update("INSERT INTO rollup_run (business_date, mode, first_date, last_date, dates, rows_written, master_load_id,"
                        + " reason, started_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?)", Date.valueOf(asOf), result.mode(),
                result.firstDate() == null ? null : Date.valueOf(result.firstDate()),
                result.lastDate() == null ? null : Date.valueOf(result.lastDate()), result.dates(), result.rows(), masterLoad,
                result.reason(), Timestamp.valueOf(started), Timestamp.valueOf(LocalDateTime.now()));
        return result;
    }
}
