package com.kam.pipeline.ingest;

import com.kam.pipeline.rollup.RollupSettings;
import com.kam.pipeline.system.JobRunner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a night lacks that no file it read can tell: an input that comes every working day (daily
 * reports, visit plans: rows of a rep's day) with nothing for the business date, and nights before
 * it that never ran. A stopped export, or a service that was down for weeks, would otherwise look
 * like a quiet night: every figure 0 and every report mailed as usual. Said as WARN lines by the
 * ingest (log, summary, {@code kam runs}), as the forecast says that its snapshot is old.
 */
public final class ArrivalWarnings {

    /**
     * The kinds that arrive every working day (rollup.yml's calendar): their rows are a rep's
     * working day. Master data, targets, snapshots and stage logs come when they change, or weekly.
     */
    static final List<InputKind> DAILY = List.of(InputKind.DAILY_REPORT, InputKind.VISIT_PLAN);

    /** A load's rows of a date that are still held (a refused load keeps none, a replaced date is deleted). */
    private static final String HELD = " FROM ingest_load_date d JOIN ingest_load l ON l.id = d.load_id"
            + " WHERE d.kind = ? AND l.status = 'LOADED' AND d.row_count > 0";

    private ArrivalWarnings() {
    }

    /**
     * The warnings of the night of {@code date}, for the kinds the catalog has a source of;
     * {@code calendar} tells the working days.
     */
    static List<String> of(JdbcTemplate jdbc, LocalDate date, SourceCatalog catalog, RollupSettings calendar) {
        List<String> warnings = new ArrayList<>();
        if (calendar.workingDay(date)) {
            for (InputKind kind : DAILY) {
                List<String> sources = catalog.sources().stream().filter(s -> s.kind() == kind).map(Source::name).toList();
                if (!sources.isEmpty() && !arrived(jdbc, kind, date)) {
                    warnings.add(nothingFor(kind, date, lastArrived(jdbc, kind, date), sources));
                }
            }
        }
        String gap = nightsNotRun(jdbc, date);
        if (gap != null) {
            warnings.add(gap);
        }
        return warnings;
    }

    /** Whether any rows of the kind dated {@code day} are held, whichever night loaded them. */
    public static boolean arrived(JdbcTemplate jdbc, InputKind kind, LocalDate day) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*)" + HELD + " AND d.data_date = ?", Integer.class, kind.code(), day);
        return rows != null && rows > 0;
    }

    /** Of the days from {@code from} to {@code to}, those with rows of the kind held, in a query. */
    public static java.util.Set<LocalDate> arrivedBetween(JdbcTemplate jdbc, InputKind kind, LocalDate from, LocalDate to) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT d.data_date" + HELD + " AND d.data_date BETWEEN ? AND ?",
                LocalDate.class, kind.code(), from, to));
    }

    private static LocalDate lastArrived(JdbcTemplate jdbc, InputKind kind, LocalDate before) {
        return jdbc.queryForObject("SELECT MAX(d.data_date)" + HELD + " AND d.data_date < ?", LocalDate.class, kind.code(), before);
    }

    private static String nothingFor(InputKind kind, LocalDate date, LocalDate last, List<String> sources) {
        String name = kind.code().replace('_', ' ');
        return "no " + name + " arrived for " + date + ", a working day (source " + String.join(", ", sources) + "): "
                + (last == null ? "none has arrived for any date yet. Is the " + name + " export running?"
                : "the last came for " + last + ". Is the " + name + " export still running?");
    }

    /**
     * The nights between the last one whose ingest completed (trials aside) and {@code date}, when
     * there are any: never run, or run and failed. None before the first night ever.
     */
    private static String nightsNotRun(JdbcTemplate jdbc, LocalDate date) {
        String nights = """
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = ?
                WHERE i.JOB_NAME = 'ingest' AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS t
                  WHERE t.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND t.PARAMETER_NAME = ?)""";
        String lastText = jdbc.queryForObject("SELECT MAX(p.PARAMETER_VALUE) " + nights + " AND e.STATUS = 'COMPLETED'"
                + " AND p.PARAMETER_VALUE < ?", String.class, JobRunner.BUSINESS_DATE, JobRunner.TRIAL_RUN, date.toString());
        if (lastText == null) {
            return null;
        }
        LocalDate last = LocalDate.parse(lastText);
        LocalDate first = last.plusDays(1);
        LocalDate end = date.minusDays(1);
        if (first.isAfter(end)) {
            return null;
        }
        List<String> failed = jdbc.queryForList("SELECT DISTINCT p.PARAMETER_VALUE " + nights + " AND p.PARAMETER_VALUE > ?"
                + " AND p.PARAMETER_VALUE < ? ORDER BY p.PARAMETER_VALUE", String.class, JobRunner.BUSINESS_DATE,
                JobRunner.TRIAL_RUN, lastText, date.toString());
        String range = first.equals(end) ? "night " + first : "nights " + first + ".." + end;
        String what;
        if (failed.isEmpty()) {
            what = " never ran";
        } else {
            what = " did not complete (" + (failed.size() <= 5 ? String.join(", ", failed) : failed.size() + " nights")
                    + " failed" + (failed.size() < daysIn(first, end) ? ", the others never ran" : "") + ")";
        }
        boolean one = first.equals(end);
        return range + what + String.format(Locale.ROOT, " (the last night completed is %s): %s files, if any come, load on"
                + " this night or a later one as late data and their figures are recomputed, but the reports due on %s were"
                + " neither rendered nor mailed; %s runs %s", last, one ? "its" : "their", one ? "it" : "them",
                one ? "kam nightly --date " + first : "kam backfill --from " + first + " --to " + end, one ? "it" : "them");
    }

    private static long daysIn(LocalDate first, LocalDate end) {
        return java.time.temporal.ChronoUnit.DAYS.between(first, end) + 1;
    }
}
