package com.kam.pipeline.bench;

import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.rollup.RollupCommand;
import com.kam.pipeline.rollup.RollupService;
import com.kam.pipeline.sample.GeneratorOptions;
import com.kam.pipeline.sample.SampleDataGenerator;
import com.kam.pipeline.system.KamCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kam bench rollup}: generates and ingests a company, then times the full recompute of
 * every rollup against the database running the bare GROUP BY of monthly orders and visits per
 * rep, and the incremental rollup of the last few nights against the full one.
 */
@Component
@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = "Full and incremental rollup time against the bare GROUP BY of monthly per-rep orders and visits.")
public class RollupBenchmark implements Callable<Integer> {

    /** What the bare query computes: orders and visits. */
    private static final int BARE_MEASURES = 2;

    @Mixin
    GeneratedCompany company;

    @Mixin
    MariaDbServer server;

    @picocli.CommandLine.Option(names = "--nights", description = "nights timed after the full recompute, one calendar"
            + " day each as the nightly schedule runs them (the last ones); their median is compared with the goal"
            + " (default: ${DEFAULT-VALUE})")
    int nights = 3;

    @picocli.CommandLine.Option(names = "--late-reps", description = "reps whose reports of an earlier day come again,"
            + " corrected, on one more night after those, timed apart (a night with late data; default: ${DEFAULT-VALUE},"
            + " 0 for none)")
    int lateReps = 50;

    @picocli.CommandLine.Option(names = "--full-runs", description = "times the full recompute is run; the median of"
            + " their times is the one compared (the machine's speed drifts from run to run; default: ${DEFAULT-VALUE})")
    int fullRuns = 3;

    @Spec
    CommandSpec spec;

    private final IngestService ingest;
    private final RollupCommand rollup;
    private final JdbcTemplate jdbc;

    private final boolean mariaDb;

    public RollupBenchmark(IngestService ingest, RollupCommand rollup, JdbcTemplate jdbc,
                           org.springframework.boot.jdbc.autoconfigure.DataSourceProperties dataSource) {
        this.ingest = ingest;
        this.rollup = rollup;
        this.jdbc = jdbc;
        this.mariaDb = dataSource.getUrl().startsWith("jdbc:mariadb");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nights < 1) {
            err.println("bench rollup: --nights must be at least 1, not " + nights);
            return KamCommand.BAD_USAGE;
        }
        if (fullRuns < 1) {
            err.println("bench rollup: --full-runs must be at least 1, not " + fullRuns);
            return KamCommand.BAD_USAGE;
        }
        if (lateReps < 0) {
            err.println("bench rollup: --late-reps must not be negative, not " + lateReps);
            return KamCommand.BAD_USAGE;
        }
        if (!BenchDatabase.isEmpty(jdbc, err, "bench rollup")) {
            return KamCommand.BAD_USAGE;
        }
        return server.during(jdbc, mariaDb, out, () -> company.inFolder("kam-bench-rollup", folder -> measure(folder, out, err)));
    }

    private Integer measure(Path folder, PrintWriter out, PrintWriter err) throws Exception {
        Path inbox = folder.resolve("inbox");
        LocalDate end = GeneratedCompany.END;
        LocalDate start = company.start();
        long t0 = System.nanoTime();
        // one opportunity snapshot a month is enough here: the rollups do not read them
        new SampleDataGenerator(new GeneratorOptions(company.reps, start, end, company.seed, 31, false)).generate(inbox);
        GeneratedCompany.complete(inbox);
        // the last nights are held back and ingested one at a time after the full recompute: every
        // calendar day, as the nightly schedule runs them (a weekend night has no reports of its own),
        // then one more for the night with late data, the last report day, which also brings
        // corrected reports of the report day three before it
        List<LocalDate> reportDates = reportDates(inbox);
        LocalDate lateNight = lateReps > 0 ? reportDates.get(reportDates.size() - 1) : null;
        LocalDate corrected = lateReps > 0 ? reportDates.get(Math.max(0, reportDates.size() - 4)) : null;
        LocalDate lastTimed = lateNight != null ? lateNight.minusDays(1) : reportDates.get(reportDates.size() - 1);
        List<LocalDate> nights = lastTimed.minusDays(this.nights - 1).datesUntil(lastTimed.plusDays(1)).toList();
        LocalDate fullAsOf = nights.get(0).minusDays(1);
        Path tonight = folder.resolve("tonight");
        Files.createDirectories(tonight);
        if (lateNight != null) {
            LateReports.correct(inbox.resolve("daily_reports_" + corrected + ".csv"),
                    tonight.resolve("daily_reports_" + corrected + "_corrected_" + lateNight + ".csv"), lateReps);
        }
        for (LocalDate night : lateNight == null ? nights : java.util.stream.Stream.concat(nights.stream(),
                java.util.stream.Stream.of(lateNight)).toList()) {
            for (String prefix : List.of("daily_reports_", "visit_plans_")) {
                Path file = inbox.resolve(prefix + night + ".csv");
                if (Files.exists(file)) {
                    Files.move(file, tonight.resolve(file.getFileName()));
                }
            }
        }
        out.printf("generated %d reps, %s..%s in %.1f s; ingesting up to %s ...%n", company.reps, start, end,
                seconds(System.nanoTime() - t0), fullAsOf);
        out.flush();
        long t1 = System.nanoTime();
        ingest.ingest(fullAsOf, true, inbox, folder.resolve("out"));
        out.printf("ingest %.1f s: %d report lines, %d plan lines%n%n", seconds(System.nanoTime() - t1),
                jdbc.queryForObject("SELECT COUNT(*) FROM report_line", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM visit_plan", Long.class));
        out.flush();

        if (mariaDb) {
            out.printf("report_line: %d MB with its index, buffer pool %d MB%n", MariaDbServer.tableMegabytes(jdbc, "report_line"),
                    MariaDbServer.bufferPoolMegabytes(jdbc));
        }
        PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
        // the bare query three times before the full recomputes and three times after, as the
        // machine's speed and the server's cache drift between the two
        List<Long> bare = new ArrayList<>();
        timeBareQuery(bare);
        List<Long> fulls = new ArrayList<>();
        for (int i = 0; i < fullRuns; i++) {
            fulls.add(time(() -> check(rollup.run(fullAsOf, true, true, quiet, err))));
        }
        long full = median(fulls);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + RollupService.ROW_TABLE, Long.class);
        timeBareQuery(bare);
        List<Long> sorted = new ArrayList<>(bare);
        sorted.sort(null);
        long bareNanos = (sorted.get(2) + sorted.get(3)) / 2;
        int measures = RollupService.MEASURES_COMPUTED;
        double perMeasure = (full / (double) measures) / (bareNanos / (double) BARE_MEASURES);
        out.printf("full recompute: %.1f s%s, %d rollup rows stored, %d measures per row%n", seconds(full),
                fulls.size() == 1 ? "" : " (median of " + fulls.size() + ": " + secondsList(fulls) + ")", rows, measures);
        out.printf("bare GROUP BY of monthly orders and visits per rep: %.2f s (median of 6: %s before the full"
                        + " recompute, %s after)%n", seconds(bareNanos), secondsList(bare.subList(0, 3)),
                secondsList(bare.subList(3, 6)));
        out.printf("full recompute per measure / bare query per measure: %.2fx (goal <= 1.5x)%n%n", perMeasure);

        List<Long> incremental = new ArrayList<>();
        List<Long> onReportDays = new ArrayList<>();
        for (LocalDate night : nights) {
            boolean reportDay = reportDates.contains(night);
            long nanos = night(night, tonight, folder, quiet, err, out, full, reportDay ? "" : " (no reports due)");
            incremental.add(nanos);
            if (reportDay) {
                onReportDays.add(nanos);
            }
        }
        long median = median(incremental);
        String stored = RollupService.ROW_TABLE;
        long written = jdbc.queryForObject("SELECT COUNT(*) FROM " + stored + " WHERE computed_at = (SELECT MAX(computed_at) FROM "
                + stored + ")", Long.class);
        long rowsNow = jdbc.queryForObject("SELECT COUNT(*) FROM " + stored, Long.class);
        out.printf("incremental rollup, median of %d nights: %.2f s = %.1f%% of the full recompute (goal <= 2%%)%s;"
                + " the last night rewrote %d of the %d rollup rows stored (%.1f%%)%n", nights.size(), seconds(median),
                100.0 * median / full, fulls.size() == 1 ? "" : String.format(", %.1f%% of the first (onto empty rollup"
                        + " tables; the others replace its rows, as a full recompute in use does)", 100.0 * median / fulls.get(0)),
                written, rowsNow, 100.0 * written / rowsNow);
        if (!onReportDays.isEmpty() && onReportDays.size() < incremental.size()) {
            out.printf("  the %d nights of report days alone: median %.2f s = %.1f%%%n", onReportDays.size(),
                    seconds(median(onReportDays)), 100.0 * median(onReportDays) / full);
        }
        out.flush();
        if (lateNight != null) {
            night(lateNight, tonight, folder, quiet, err, out, full, String.format(" (late data: the reports of %d reps for %s"
                    + " come again corrected; not in the median)", lateReps, corrected));
        }
        return KamCommand.DONE;
    }

    /** Ingests a night's held-back files and times its rollup; returns the rollup's time. */
    private long night(LocalDate night, Path tonight, Path folder, PrintWriter quiet, PrintWriter err, PrintWriter out,
                       long full, String note) throws Exception {
        try (var files = Files.newDirectoryStream(tonight, "*_" + night + ".csv")) {
            for (Path file : files) {
                Files.move(file, folder.resolve("inbox").resolve(file.getFileName()));
            }
        }
        long t2 = System.nanoTime();
        ingest.ingest(night, true, folder.resolve("inbox"), folder.resolve("out"));
        double ingestSeconds = seconds(System.nanoTime() - t2);
        long nanos = time(() -> check(rollup.run(night, true, false, quiet, err)));
        out.printf("night of %s: ingest %.1f s, incremental rollup %.2f s = %.1f%% of the full recompute%s%n", night,
                ingestSeconds, seconds(nanos), 100.0 * nanos / full, note);
        out.flush();
        return nanos;
    }

    private void timeBareQuery(List<Long> times) throws Exception {
        for (int i = 0; i < 3; i++) {
            times.add(time(() -> jdbc.query("SELECT rep_id, YEAR(report_date), MONTH(report_date), SUM(order_amount),"
                    + " COUNT(customer_id) FROM report_line GROUP BY rep_id, YEAR(report_date), MONTH(report_date)", rs -> {
                    })));
        }
    }

    private static String secondsList(List<Long> nanos) {
        return String.join(" / ", nanos.stream().map(n -> String.format("%.2f", seconds(n))).toList());
    }

    /** The days the generated company has daily reports for, in order. */
    private static List<LocalDate> reportDates(Path inbox) throws java.io.IOException {
        try (var files = Files.list(inbox)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("daily_reports_"))
                    .map(n -> LocalDate.parse(n.substring("daily_reports_".length(), n.length() - 4))).sorted().toList();
        }
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void check(int exitCode) {
        if (exitCode != KamCommand.DONE) {
            throw new IllegalStateException("the rollup failed (exit " + exitCode + "); see the messages above");
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static long time(Timed work) throws Exception {
        long t = System.nanoTime();
        work.run();
        return System.nanoTime() - t;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
