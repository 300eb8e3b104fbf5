package com.kam.pipeline.bench;

import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.sample.GenerationSummary;
import com.kam.pipeline.sample.GeneratorOptions;
import com.kam.pipeline.sample.SampleDataGenerator;
import com.kam.pipeline.system.KamCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kam bench ingest}: generates a company, ingests it with full validation into the
 * configured database (which must be empty), prints rows/s per input, then times MariaDB's own
 * {@code LOAD DATA LOCAL INFILE} of the same visit rows into a bare table, and the ratio.
 */
@Component
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest throughput per input against MariaDB's LOAD DATA of the same visit rows.")
public class IngestBenchmark implements Callable<Integer> {

    @Mixin
    GeneratedCompany company;

    @Option(names = "--snapshot-every", defaultValue = "7", description = "days between opportunity snapshots")
    int snapshotEvery;

    @Mixin
    MariaDbServer server;

    @Spec
    CommandSpec spec;

    private final IngestService ingest;
    private final JdbcTemplate jdbc;
    private final DataSourceProperties dataSource;

    public IngestBenchmark(IngestService ingest, JdbcTemplate jdbc, DataSourceProperties dataSource) {
        this.ingest = ingest;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!BenchDatabase.isEmpty(jdbc, spec.commandLine().getErr(), "bench ingest")) {
            return KamCommand.BAD_USAGE;
        }
        boolean mariaDb = dataSource.getUrl().startsWith("jdbc:mariadb");
        return server.during(jdbc, mariaDb, out, () -> company.inFolder("kam-bench", folder -> measure(folder, out, mariaDb)));
    }

    private Integer measure(Path folder, PrintWriter out, boolean mariaDb) throws Exception {
        LocalDate end = GeneratedCompany.END;
        LocalDate start = company.start();
        long t0 = System.nanoTime();
        GenerationSummary generated = new SampleDataGenerator(
                new GeneratorOptions(company.reps, start, end, company.seed, snapshotEvery, true)).generate(folder.resolve("inbox"));
        out.printf("generated %d reps, %s..%s: %d files %s in %.1f s%n", company.reps, start, end, generated.files(),
                generated.rowsPerKind(), seconds(System.nanoTime() - t0));
        GeneratedCompany.complete(folder.resolve("inbox"));
        Path bare = concatenateVisits(folder.resolve("inbox"), folder.resolve("visits-for-load-data.csv"));
        out.flush();

        long t1 = System.nanoTime();
        IngestService.Result result = ingest.ingest(end, true, folder.resolve("inbox"), folder.resolve("out"));
        double total = seconds(System.nanoTime() - t1);
        out.printf("ingest %s in %.1f s%n%n", result.execution().getStatus(), total);
        out.printf("%-14s %10s %10s %9s %10s%n", "input", "rows read", "loaded", "seconds", "rows/s");
        double visitRate = 0;
        for (Map<String, Object> kind : perKind(result.execution().getId())) {
            long rows = ((Number) kind.get("rows_read")).longValue();
            double secs = ((Number) kind.get("millis")).doubleValue() / 1000;
            double rate = secs > 0 ? rows / secs : 0;
            out.printf("%-14s %10d %10d %9.1f %10.0f%n", kind.get("kind"), rows, ((Number) kind.get("rows_loaded")).longValue(),
                    secs, rate);
            if ("daily_report".equals(kind.get("kind"))) {
                visitRate = rate;
            }
        }
        out.println();
        if (!mariaDb) {
            out.println("LOAD DATA comparison skipped: the configured database is not MariaDB");
            return KamCommand.DONE;
        }
        // the server's own loader, three times: its time varies from run to run as much as ours
        List<long[]> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(loadData(bare));
        }
        runs.sort(java.util.Comparator.comparingLong(r -> r[1]));
        long visitRows = runs.get(1)[0];
        double loadDataSeconds = runs.get(1)[1] / 1e9;
        double loadDataRate = visitRows / loadDataSeconds;
        out.printf("LOAD DATA LOCAL INFILE, same %d visit rows, bare table: %.1f s median of 3 (%.1f-%.1f), %.0f rows/s%n",
                visitRows, loadDataSeconds, runs.get(0)[1] / 1e9, runs.get(2)[1] / 1e9, loadDataRate);
        out.printf("ingest of visits with full validation: %.0f rows/s = %.2fx LOAD DATA (goal >= 0.5x)%n", visitRate,
                visitRate / loadDataRate);
        out.flush();
        return KamCommand.DONE;
    }

    /** Per kind: rows read and loaded, and the time of its load and settle steps. */
    private List<Map<String, Object>> perKind(long jobExecutionId) {
        List<Map<String, Object>> kinds = jdbc.queryForList("SELECT kind, SUM(rows_read) AS rows_read, SUM(rows_loaded) AS"
                + " rows_loaded FROM ingest_load WHERE status = 'LOADED' AND job_instance_id = (SELECT job_instance_id FROM"
                + " BATCH_JOB_EXECUTION WHERE job_execution_id = ?) GROUP BY kind ORDER BY kind", jobExecutionId);
        for (Map<String, Object> kind : kinds) {
            long millis = 0;
            for (Map<String, Object> step : jdbc.queryForList("SELECT start_time, end_time FROM BATCH_STEP_EXECUTION"
                    + " WHERE job_execution_id = ? AND step_name IN (?, ?)", jobExecutionId, "ingest-load-" + kind.get("kind"),
                    "ingest-settle-" + kind.get("kind"))) {
                millis += Duration.between(((java.sql.Timestamp) step.get("start_time")).toLocalDateTime(),
                        ((java.sql.Timestamp) step.get("end_time")).toLocalDateTime()).toMillis();
            }
            kind.put("millis", millis);
        }
        return kinds;
    }

    /** All daily report rows, without their headers, in one file, as LOAD DATA takes them. */
    private static Path concatenateVisits(Path inbox, Path target) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             var files = Files.list(inbox)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("daily_reports_")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    writer.write(line);
                    writer.write('\n');
                }
            }
        }
        return target;
    }

    /** Rows stored and nanoseconds taken by LOAD DATA of the file into a bare table. */
    private long[] loadData(Path file) throws Exception {
        String url = dataSource.getUrl() + (dataSource.getUrl().contains("?") ? "&" : "?") + "allowLocalInfile=true";
        try (Connection connection = DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_bare_visit");
            statement.execute("""
                    CREATE TABLE bench_bare_visit (rep_id VARCHAR(50), report_date DATE, customer_id VARCHAR(50),
                      visit_time VARCHAR(5), purpose VARCHAR(20), outcome TEXT, effective VARCHAR(5), order_amount DECIMAL(18,2),
                      gross_margin DECIMAL(18,2), payment_collected DECIMAL(18,2), expense DECIMAL(18,2), submitted_at DATETIME,
                      attendance VARCHAR(20), complaints_received INT, complaints_resolved INT, competitor_info TEXT,
                      customer_feedback TEXT, notes TEXT)""");
            long t0 = System.nanoTime();
            long rows = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE bench_bare_visit"
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n'");
            long nanos = System.nanoTime() - t0;
            statement.execute("DROP TABLE bench_bare_visit");
            return new long[] {rows, nanos};
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
