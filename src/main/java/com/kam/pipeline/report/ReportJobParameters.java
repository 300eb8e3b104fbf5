package com.kam.pipeline.report;

import com.kam.pipeline.system.JobRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Job parameters of a report run outside the nightly job (the benchmark), in the form the steps read. */
public final class ReportJobParameters {

    private ReportJobParameters() {
    }

    public static JobParameters of(LocalDate businessDate, List<ReportType> types, List<String> languages, Path out, long runId) {
        return new JobParametersBuilder()
                .addLocalDate(JobRunner.BUSINESS_DATE, businessDate)
                .addString(EntityReader.TYPES, types.stream().map(Enum::name).collect(Collectors.joining(",")), false)
                .addString(EntityReader.LANGUAGES, String.join(",", languages), false)
                .addString(EntityReader.OUT, out.toString(), false)
                .addLong("benchRun", runId)
                .toJobParameters();
    }
}
