package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.SmallCompany;
import com.kam.pipeline.support.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kill -9 the ingest in the middle of loading the daily reports, start it again, and the
 * database must end exactly as after a clean run: nothing lost, nothing twice.
 */
abstract class KillAndRestartScenario extends IngestTestBase {

    private static final int VISITS = 3000;
    private static final String REPORTS = "daily_reports_2026-05-01_to_03.csv";

    @org.springframework.beans.factory.annotation.Autowired
    com.kam.pipeline.rollup.RollupService rollup;

    /** The JDBC URL the child process should use: the same database as this test's context. */
    abstract String databaseUrl();

    @Test
    void aKilledIngestRestartsAndEndsIdenticalToACleanRun() throws Exception {
        Path drop = Files.createTempDirectory("drop");
        writeDrop(drop);
        copy(drop, inbox);
        assertThat(ingest(MAY_11).succeeded()).isTrue();
        List<String> clean = Tables.dump(jdbc);
        assertThat(count("SELECT COUNT(*) FROM report_line")).isEqualTo(VISITS + 3);

        startOverAndKillMidway(drop);

        IngestService.Result restarted = ingest(MAY_11);

        assertThat(restarted.succeeded()).isTrue();
        assertThat(jdbc.queryForList("SELECT status FROM BATCH_JOB_EXECUTION ORDER BY job_execution_id", String.class))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(Tables.dump(jdbc)).containsExactlyElementsOf(clean);
    }

    @Test
    void aRestartDoesNotResumeIntoAFileOverwrittenMeanwhileAndForceLoadsTheNewOne() throws Exception {
        Path drop = Files.createTempDirectory("drop");
        writeDrop(drop, 0);
        // the export run again: the same visits, other amounts
        Path corrected = Files.createTempDirectory("corrected");
        writeDrop(corrected, 1000);
        copy(corrected, inbox);
        assertThat(ingest(MAY_11).succeeded()).isTrue();
        List<String> cleanLines = Tables.dump(jdbc, List.of("report_line"));

        startOverAndKillMidway(drop);
        // while the night is down, the export overwrites the file the run was loading
        Files.copy(corrected.resolve(REPORTS), inbox.resolve(REPORTS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        IngestService.Result restarted = ingest(MAY_11);

        assertThat(restarted.succeeded()).isFalse();
        assertThat(restarted.execution().getAllFailureExceptions())
                .map(e -> org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).anySatisfy(m -> assertThat(m)
                .startsWith(REPORTS + " has changed since this run began loading it (").contains("--force"));
        // nothing of the new file went after the old file's rows
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE order_amount >= 1000")).isZero();

        assertThat(ingestForced(MAY_11).succeeded()).isTrue();
        assertThat(Tables.dump(jdbc, List.of("report_line"))).containsExactlyElementsOf(cleanLines);
        // the killed run's unsettled load will never settle: it says so instead of staying PENDING
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM ingest_load WHERE file_name = ?", String.class, REPORTS))
                .containsExactlyInAnyOrder("LOADED", "ABANDONED");
    }

    @Test
    void aForcedRunThatRefusesTheFileAKilledRunWasLoadingTakesBackWhatTheKilledRunLeft() throws Exception {
        Path drop = Files.createTempDirectory("drop");
        writeDrop(drop);
        // the reports file ends with a quote never closed: the killed run stored some of its rows first
        Files.writeString(drop.resolve(REPORTS), "R001,2026-05-03,C001,23:59,服务,\"是,1.50,30,2026-05-03 19:00:00,出勤\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        startOverAndKillMidway(drop);
        String ofTheFile = " JOIN ingest_load l ON l.id = t.load_id WHERE l.file_name = ?";
        assertThat(count("SELECT COUNT(*) FROM report_line t" + ofTheFile, REPORTS)).as("rows the killed run stored").isPositive();
        // while the night is down, someone rolls up by hand: the killed run's rows are counted
        rollup.run(MAY_11, false, false);
        String visitsCounted = "SELECT COALESCE(SUM(visits), 0) FROM rollup_rep_day";
        assertThat(count(visitsCounted)).isPositive();

        IngestService.Result forced = ingestForced(MAY_11);

        assertThat(forced.succeeded()).isTrue();
        assertThat(jdbc.queryForList("SELECT status FROM ingest_load WHERE file_name = ? ORDER BY id", String.class, REPORTS))
                .containsExactly("ABANDONED", "REFUSED");
        assertThat(count("SELECT COUNT(*) FROM report_line t" + ofTheFile, REPORTS)).as("report lines of the file").isZero();
        assertThat(count("SELECT COUNT(*) FROM ingest_load_date t" + ofTheFile, REPORTS)).isZero();
        // the next rollup takes them back out of the figures (the other reports file's 3 visits stay)
        rollup.run(MAY_11, false, false);
        assertThat(count(visitsCounted)).isEqualTo(3);
        List<String> figures = Tables.dump(jdbc, List.of("rollup_rep_day", "rollup"));
        rollup.run(MAY_11, true, false);
        assertThat(Tables.dump(jdbc, List.of("rollup_rep_day", "rollup"))).as("as a full recompute has them").isEqualTo(figures);
    }

    @Test
    void aFileOverwrittenAfterItWasLoadedIsNotArchivedButReadByTheNextRun() throws Exception {
        Path drop = Files.createTempDirectory("drop");
        writeDrop(drop);
        startOverAndKillMidway(drop);
        // the customers were loaded before the kill; then their export ran again, renaming one
        Path customers = inbox.resolve("customers.csv");
        java.nio.charset.Charset gb18030 = java.nio.charset.Charset.forName("GB18030");
        String renamed = Files.readString(customers, gb18030).replace("山东省电力公司", "山东省电力集团");
        assertThat(renamed).isNotEqualTo(Files.readString(customers, gb18030));
        Files.writeString(customers, renamed, gb18030);

        assertThat(ingest(MAY_11).succeeded()).isTrue();
        assertThat(customers).exists();
        assertThat(inbox.resolve("archive/2026-05-11/customers.csv")).doesNotExist();
        assertThat(inbox.resolve("archive/2026-05-11/" + REPORTS)).exists();

        assertThat(ingest(MAY_11.plusDays(1)).succeeded()).isTrue();
        assertThat(customers).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT name FROM customer WHERE customer_id = 'C001'", String.class))
                .isEqualTo("山东省电力集团");
    }

    /** Empties the database, puts the drop in the inbox, and kills an ingest of it once it has committed some visits. */
    private void startOverAndKillMidway(Path drop) throws Exception {
        Tables.empty(jdbc);
        deleteRecursively(work);
        copy(drop, inbox);
        Process child = startIngestProcess();
        long loadedBeforeKill = waitUntilSomeReportLinesAreCommitted(child);
        child.destroyForcibly().waitFor();
        assertThat(loadedBeforeKill).isBetween(1L, (long) VISITS);
        assertThat(jdbc.queryForObject("SELECT status FROM BATCH_JOB_EXECUTION", String.class)).isEqualTo("STARTED");
    }

    /** The same bytes for both runs (an XLSX written twice differs in its timestamps). */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void writeDrop(Path inbox) throws IOException {
        writeDrop(inbox, 0);
    }

    /** The small company and {@link #VISITS} visits, the i-th ordering {@code amounts + i}.50. */
    private static void writeDrop(Path inbox, int amounts) throws IOException {
        SmallCompany.writeInbox(inbox);
        StringBuilder csv = new StringBuilder("rep_id,report_date,customer_id,visit_time,purpose,effective,order_amount,expense,"
                + "submitted_at,attendance\n");
        for (int i = 0; i < VISITS; i++) {
            LocalDate date = LocalDate.of(2026, 5, 1).plusDays(i / 1440);
            csv.append(i % 2 == 0 ? "R001" : "R002").append(',').append(date).append(",C00").append(1 + i % 4).append(',')
                    .append(LocalTime.MIDNIGHT.plusMinutes(i % 1440)).append(",服务,是,").append(amounts + i).append(".50,30,")
                    .append(date).append(" 19:00:00,出勤\n");
        }
        Files.writeString(inbox.resolve(REPORTS), csv, StandardCharsets.UTF_8);
    }

    private Process startIngestProcess() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dspring.datasource.url=" + databaseUrl(),
                "-Dspring.datasource.username=" + (databaseUrl().startsWith("jdbc:mariadb") ? "root" : "sa"),
                "-Dspring.datasource.password=",
                "-Dkam.ingest.chunk-size=2",
                "com.kam.pipeline.KamPipelineApplication",
                "ingest", "--date", MAY_11.toString(), "--inbox", inbox.toString(), "--out", out.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile()).start();
    }

    private long waitUntilSomeReportLinesAreCommitted(Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("the child finished before it could be killed; see %s", work.resolve("child.log"))
                    .isTrue();
            long lines = jdbc.queryForObject("SELECT COUNT(*) FROM report_line", Long.class);
            if (lines > 100) {
                return lines;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no report lines were committed within 90 s; see " + work.resolve("child.log"));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder) && !path.getFileName().toString().endsWith(".mv.db")) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
