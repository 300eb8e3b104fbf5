package com.kam.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last step of an ingest run: moves the processed files to {@code inbox/archive/<date>/} (but
 * leaves a file whose rows wait for later nights, see {@link CheckedRow.Waiting}, one refused
 * as unreadable whole, and one overwritten since it was loaded),
 * writes the rejects CSV of each source beside the run's outputs, and logs the summary and what
 * the night lacks ({@link ArrivalWarnings}), which the job ends with (see
 * {@link com.kam.pipeline.system.WarningsExitStatus}) for the summary and {@code kam runs}.
 * Safe to run again: files already moved are left alone, CSVs are rebuilt from the table.
 */
class IngestFinishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestFinishTasklet.class);

    private final IngestLoads loads;
    private final JdbcTemplate jdbc;
    private final Sources sources;
    private final Path jobs;

    IngestFinishTasklet(IngestLoads loads, JdbcTemplate jdbc, Sources sources, Path jobs) {
        this.loads = loads;
        this.jdbc = jdbc;
        this.sources = sources;
        this.jobs = jobs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        IngestParameters run = IngestParameters.of(chunkContext.getStepContext().getStepExecution());
        // first, so that a rollup.yml gone bad since the start stops the step before any file moves
        List<String> warnings = ArrivalWarnings.of(jdbc, run.businessDate(), sources.catalog(),
                com.kam.pipeline.rollup.RollupSettings.load(jobs));
        List<IngestLoads.Load> all = loads.ofJobInstance(run.jobInstanceId());
        Path archive = run.inbox().resolve("archive").resolve(run.businessDate().toString());
        Map<String, List<Long>> withRejects = new TreeMap<>();
        for (IngestLoads.Load load : all) {
            Path file = run.inbox().resolve(load.fileName());
            if (load.refused()) {
                // said at settling, with the reason; the fixed file is read again on the next run
                log.debug("{}: refused, left in the inbox", load.fileName());
            } else if (load.leftRowsWaiting()) {
                log.info("{}: {} row(s) wait for a later night (see ingest_waiting); the file stays in the inbox",
                        load.fileName(), load.rowsWaiting());
            } else if (load.sha256() != null && Files.isRegularFile(file)
                    && !InboxClaimTasklet.sha256(file).equals(load.sha256())) {
                // overwritten after it was read (a restart after the export ran again): archiving it
                // would file away content never loaded
                log.warn("{}: changed since it was loaded; left in the inbox for the next run to load again",
                        load.fileName());
            } else if (load.sha256() != null && Files.isRegularFile(file)) {
                Files.createDirectories(archive);
                Path target = archive.resolve(load.fileName());
                if (Files.exists(target)) {
                    target = archive.resolve(load.id() + "-" + load.fileName());
                }
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                loads.markArchived(load.id(), target);
            }
            if (load.rowsRejected() != null && load.rowsRejected() > 0) {
                withRejects.computeIfAbsent(load.sourceName(), s -> new ArrayList<>()).add(load.id());
            }
        }
        Path rejectsFolder = run.out().resolve(run.businessDate().toString()).resolve("rejects");
        for (Map.Entry<String, List<Long>> source : withRejects.entrySet()) {
            Path csv = RejectsCsv.write(jdbc, rejectsFolder, source.getKey(), source.getValue());
            log.debug("rejects of {} written to {}", source.getKey(), csv);
        }
        IngestSummary summary = IngestSummary.of(all);
        log.info("ingest {}: {} loads, {} rows loaded, {} rejected", run.businessDate(), all.size(),
                summary.sources().stream().mapToLong(IngestSummary.SourceLine::loaded).sum(), summary.totalRejected());
        if (!summary.emptyFiles().isEmpty()) {
            log.warn("ingest {}: no rows in {}", run.businessDate(), String.join(", ", summary.emptyFiles()));
        }
        warnings.forEach(warning -> log.warn("ingest {}: {}", run.businessDate(), warning));
        com.kam.pipeline.system.WarningsExitStatus.leave(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                warnings);
        return RepeatStatus.FINISHED;
    }
}
