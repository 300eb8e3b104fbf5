package com.kam.pipeline.system;

import java.io.PrintWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kam runs [--last N]}: recent job executions with their business date, status, duration,
 * rows read/loaded/rejected (from the step executions; for the ingest from its per-file tally in
 * ingest_load, as its rejects are not batch skips, with the rows waiting for a later night), PDFs
 * the run archived (and a later run has not replaced) and mails delivered. A report job reads
 * entities and "loads" those with a report; the others had nothing to report, which is not a
 * rejection. Rollup, forecast and delivery count no reads ("-"). A run that completed with
 * warnings ({@link JobRunner#COMPLETED_WITH_WARNINGS}) has its status marked {@code !}, a trial of
 * a day that had not ended {@code *}. Under the list, the files the listed ingest runs refused, the
 * warnings of the listed runs, which of them were trials, and the run that holds the pipeline now,
 * if any ({@link RunGuard}). It migrates nothing ({@link ReadsOnly}): a schema this release would
 * upgrade is named under the list.
 */
@Component
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List recent job runs.")
public class RunsCommand implements Callable<Integer>, ReadsOnly {

    @Option(names = "--last", defaultValue = "20", description = "how many runs to show (default 20)")
    int last;

    @Spec
    CommandSpec spec;

    private final JdbcTemplate jdbc;
    private final RunGuard guard;
    private final SchemaMigration schema;

    public RunsCommand(JdbcTemplate jdbc, RunGuard guard, SchemaMigration schema) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.schema = schema;
    }

    /** One line of the listing. */
    record Run(long executionId, String job, String businessDate, String status, Timestamp start, Timestamp end, long read,
               long loaded, long rejected, Long waiting, long pdfs, long mails, long mailsFailed, List<String> warnings,
               boolean trial) {

        /** The status, marked: {@code !} completed with warnings, {@code *} a trial. */
        String shownStatus() {
            return status + (warnings.isEmpty() ? "" : "!") + (trial ? "*" : "");
        }

        String label() {
            return "run " + executionId + " (" + job + " " + businessDate + ")";
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (last < 1) {
            spec.commandLine().getErr().println("--last must be at least 1");
            return KamCommand.BAD_USAGE;
        }
        SchemaState state = schema.state().orElse(null);
        if (state != null && state.empty()) {
            out.println("no runs yet; database: " + state.describe());
            out.flush();
            return KamCommand.DONE;
        }
        List<Run> runs = recent(last);
        out.printf("%-6s %-10s %-10s %-11s %9s %9s %9s %9s %8s %5s %6s%n", "id", "job", "date", "status", "duration", "read",
                "loaded", "rejected", "waiting", "PDFs", "mails");
        for (Run r : runs) {
            String duration = r.start() == null || r.end() == null ? "-"
                    : String.format("%.1f s", Duration.between(r.start().toInstant(), r.end().toInstant()).toMillis() / 1000.0);
            // only the ingest and the report job count what they read
            boolean reads = r.job().equals("ingest") || r.job().equals("report");
            out.printf("%-6d %-10s %-10s %-11s %9s %9s %9d %9s %8s %5s %6s%n", r.executionId(), r.job(), r.businessDate(), r.shownStatus(),
                    duration, reads ? Long.toString(r.read()) : "-", r.loaded(), r.job().equals("report") ? "-" : Long.toString(r.rejected()),
                    r.waiting() == null ? "-" : r.waiting().toString(), r.job().equals("report") ? Long.toString(r.pdfs()) : "-",
                    r.job().equals("deliver") ? r.mails() + (r.mailsFailed() > 0 ? "/" + r.mailsFailed() + "!" : "") : "-");
        }
        if (runs.isEmpty()) {
            out.println("no runs yet");
        } else {
            refusedFiles(runs).forEach(out::println);
            // what a night lacked (no daily reports, nights never run), which its COMPLETED alone would not tell
            runs.forEach(r -> r.warnings().forEach(warning -> out.println(r.label() + " WARN: " + warning)));
            runs.stream().filter(Run::trial).forEach(r -> out.println(r.label() + " *: a trial of a day that had not ended"
                    + " (--allow-future-date), not the night of " + r.businessDate()));
        }
        guard.heldBy().ifPresent(run -> out.println(RunGuard.hasEnded(run)
                ? "not running: the pipeline is still held by a run whose process has ended (killed?); the next command"
                + " takes it over: " + run
                : "running now: " + run));
        if (state != null && !state.upToDate()) {
            out.println("database: " + state.describe());
        }
        out.flush();
        return KamCommand.DONE;
    }

    /**
     * The files the listed ingest runs refused, with the reason: their rows count as rejected, and
     * they stay in the inbox until fixed, which the listing alone would not tell.
     */
    List<String> refusedFiles(List<Run> runs) {
        long oldest = runs.stream().mapToLong(Run::executionId).min().orElseThrow();
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, l.file_name, l.refused_reason FROM ingest_load l
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = l.job_instance_id
                WHERE l.status = 'REFUSED' AND e.JOB_EXECUTION_ID >= ?
                  AND l.created_at BETWEEN e.START_TIME AND COALESCE(e.END_TIME, l.created_at)
                ORDER BY e.JOB_EXECUTION_ID DESC, l.id""",
                (rs, i) -> "run " + rs.getLong(1) + " refused " + rs.getString(2) + ": " + rs.getString(3), oldest);
    }

    List<Run> recent(int limit) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, p.PARAMETER_VALUE, e.STATUS, e.START_TIME, e.END_TIME,
                  (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),
                  (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),
                  (SELECT COALESCE(SUM(s.FILTER_COUNT + s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT), 0)
                     FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID),
                  e.EXIT_CODE, e.EXIT_MESSAGE,
                  (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS t WHERE t.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                     AND t.PARAMETER_NAME = ?),
                  (SELECT COUNT(*) FROM ingest_load l WHERE l.job_instance_id = e.JOB_INSTANCE_ID),
                  (SELECT COALESCE(SUM(l.rows_read), 0) FROM ingest_load l WHERE l.job_instance_id = e.JOB_INSTANCE_ID),
                  (SELECT COALESCE(SUM(l.rows_loaded), 0) FROM ingest_load l WHERE l.job_instance_id = e.JOB_INSTANCE_ID),
                  (SELECT COALESCE(SUM(l.rows_rejected), 0) FROM ingest_load l WHERE l.job_instance_id = e.JOB_INSTANCE_ID),
                  (SELECT COALESCE(SUM(l.rows_waiting), 0) FROM ingest_load l WHERE l.job_instance_id = e.JOB_INSTANCE_ID),
                  (SELECT COUNT(*) FROM report_archive a WHERE a.business_date = p.PARAMETER_VALUE
                     AND a.created_at BETWEEN e.START_TIME AND COALESCE(e.END_TIME, a.created_at)),
                  (SELECT COUNT(*) FROM delivery_log d WHERE d.job_execution_id = e.JOB_EXECUTION_ID AND d.status <> 'FAILED'),
                  (SELECT COUNT(*) FROM delivery_log d WHERE d.job_execution_id = e.JOB_EXECUTION_ID AND d.status = 'FAILED')
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = ?
                ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?""",
                (rs, i) -> {
                    // the ingest keeps rejected rows apart from the batch counts: its own per-file tally is the truth
                    boolean ingest = "ingest".equals(rs.getString(2)) || rs.getLong(13) > 0;
                    return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
                            rs.getTimestamp(6), rs.getLong(ingest ? 14 : 7), rs.getLong(ingest ? 15 : 8),
                            rs.getLong(ingest ? 16 : 9), ingest ? rs.getLong(17) : null, rs.getLong(18), rs.getLong(19),
                            rs.getLong(20), JobRunner.warnings(rs.getString(10), rs.getString(11)), rs.getLong(12) > 0);
                }, JobRunner.TRIAL_RUN, JobRunner.BUSINESS_DATE, limit);
    }
}
