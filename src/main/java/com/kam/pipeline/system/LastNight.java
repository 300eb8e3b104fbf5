package com.kam.pipeline.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the last night went, as the job repository says: the night of the latest business date an
 * ingest ran for (the night starts with it; trials are no night), by the latest run of each of the
 * night's jobs for that date: a night fixed by hand the next morning is told as it is now.
 */
@Component
public class LastNight {

    /** {@code outcome}: COMPLETED, COMPLETED_WARNINGS, FAILED, RUNNING, or INCOMPLETE (a job of it not run). */
    public record State(LocalDate date, String outcome, String summary, List<String> warnings) {
    }

    /** The latest run of one of the night's jobs for the date. */
    private record Run(String job, BatchStatus status, String exitCode, String exitMessage) {
    }

    private static final String NOT_A_TRIAL = " AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS t"
            + " WHERE t.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND t.PARAMETER_NAME = '" + JobRunner.TRIAL_RUN + "')";
    private static final String FOR_A_DATE = " FROM BATCH_JOB_EXECUTION e"
            + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
            + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + " AND p.PARAMETER_NAME = '" + JobRunner.BUSINESS_DATE + "'";

    private final JdbcTemplate jdbc;

    public LastNight(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty before the first night. */
    public Optional<State> read() {
        String date = jdbc.queryForObject("SELECT MAX(p.PARAMETER_VALUE)" + FOR_A_DATE + " WHERE i.JOB_NAME = 'ingest'"
                + NOT_A_TRIAL, String.class);
        if (date == null) {
            return Optional.empty();
        }
        Map<String, Run> latest = new LinkedHashMap<>();
        jdbc.query("SELECT i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE" + FOR_A_DATE + " WHERE p.PARAMETER_VALUE = ?"
                + NOT_A_TRIAL + " ORDER BY e.JOB_EXECUTION_ID DESC", rs -> {
            latest.putIfAbsent(rs.getString(1), new Run(rs.getString(1), BatchStatus.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getString(4)));
        }, date);
        return Optional.of(state(LocalDate.parse(date), NightlyFlow.NIGHT.stream().map(latest::get).toList()));
    }

    /** The night from its jobs' latest runs, in the night's order (null: not run for the date). */
    private static State state(LocalDate date, List<Run> runs) {
        String night = "last night " + date;
        Optional<Run> running = runs.stream().filter(r -> r != null && r.status().isRunning()).findFirst();
        if (running.isPresent()) {
            return new State(date, "RUNNING", night + " is running: " + running.get().job(), List.of());
        }
        Optional<Run> failed = runs.stream().filter(r -> r != null && r.status() != BatchStatus.COMPLETED).findFirst();
        if (failed.isPresent()) {
            // why is in its log line and the command's output: the stored exit message is a stack trace, cut short
            return new State(date, "FAILED", night + " failed: " + failed.get().job() + " " + failed.get().status()
                    + " (kam runs lists it; its log line says why)", List.of());
        }
        List<String> notRun = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i) == null) {
                notRun.add(NightlyFlow.NIGHT.get(i));
            }
        }
        if (!notRun.isEmpty()) {
            return new State(date, "INCOMPLETE", night + " is incomplete: " + String.join(", ", notRun) + " not run", List.of());
        }
        List<String> warnings = runs.stream().flatMap(r -> JobRunner.warnings(r.exitCode(), r.exitMessage()).stream()).toList();
        return warnings.isEmpty() ? new State(date, "COMPLETED", night + " completed", List.of())
                : new State(date, "COMPLETED_WARNINGS", night + " completed with " + warnings.size() + " warning(s): "
                + String.join(" | ", warnings), warnings);
    }
}
