package com.kam.pipeline.ingest;

import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Runs the ingest job for a date and reports what it took in. */
@Service
public class IngestService {

    /** What one run did: the job's execution and the per-source summary. */
    public record Result(JobExecution execution, IngestSummary summary) {
        public boolean succeeded() {
            return JobRunner.succeeded(execution);
        }

        /** What the night lacks (see {@link ArrivalWarnings}), one warning each; none for a clean night. */
        public java.util.List<String> warnings() {
            return JobRunner.warnings(execution);
        }
    }

    private final JobRunner runner;
    private final Job ingestJob;
    private final IngestLoads loads;
    private final Sources sources;
    private final KamProperties properties;

    public IngestService(JobRunner runner, @Qualifier("ingestJob") Job ingestJob, IngestLoads loads, Sources sources,
                         KamProperties properties) {
        this.runner = runner;
        this.ingestJob = ingestJob;
        this.loads = loads;
        this.sources = sources;
        this.properties = properties;
    }

    public Result ingest(LocalDate businessDate, boolean force) throws Exception {
        return ingest(businessDate, force, properties.inbox(), properties.out());
    }

    public Result ingest(LocalDate businessDate, boolean force, Path inbox, Path out) throws Exception {
        sources.catalog(); // a bad mapping file stops here, before the job starts
        com.kam.pipeline.rollup.RollupSettings.load(properties.jobs()); // and a bad calendar, which tells the working days
        JobExecution execution = runner.run(ingestJob, businessDate, force, Map.of(
                IngestParameters.INBOX, inbox.toString(),
                IngestParameters.OUT, out.toString()));
        return new Result(execution, IngestSummary.of(loads.ofJobInstance(execution.getJobInstance().getInstanceId())));
    }
}
