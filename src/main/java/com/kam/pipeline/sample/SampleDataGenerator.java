package com.kam.pipeline.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a realistic, deterministic data set of a Chinese B2B sales company in the canonical
 * input formats of {@code jobs/sources/}: org, customers, targets, daily visit plans and reports,
 * opportunity snapshots and stage-change logs, optionally with a sprinkling of bad rows of every
 * reject kind. The same options always give byte-identical files. Large sets are streamed to
 * disk, so 10,000 reps fit in a 2 GB heap.
 */
public final class SampleDataGenerator {

    private final GeneratorOptions options;
    private List<InjectedBadRow> injected = List.of();

    public SampleDataGenerator(GeneratorOptions options) {
        this.options = options;
    }

    /** Creates {@code outDir} and writes every file into it (existing files of the same name are replaced). */
    public GenerationSummary generate(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Org org = new OrgGenerator(options).generate();
        Customers customers = new CustomerGenerator(options, org).generate();
        List<LocalDate> workingDays = ActivityGenerator.workingDays(options);
        BadRows badRows = new BadRows(options, org, customers, workingDays, PipelineWriter.snapshotDates(options));

        Map<String, Long> rows = new LinkedHashMap<>();
        int files = 0;
        try (CsvFiles.Out out = CsvFiles.open(outDir.resolve("org.csv"), CsvFiles.Style.EXCEL_UTF8_BOM, Org.HEADER)) {
            org.rows().forEach(row -> out.row(row.cells()));
            rows.put("org", out.dataRows());
            files++;
        }
        try (CsvFiles.Out out = CsvFiles.open(outDir.resolve("customers.csv"), CsvFiles.Style.EXCEL_GB18030,
                Customers.HEADER)) {
            customers.all().forEach(customer -> out.row(customer.cells()));
            rows.put("customer", out.dataRows());
            files++;
        }
        TargetWriter targets = new TargetWriter(options, org);
        long targetRows = targets.write(outDir);
        files++;
        if (options.badRows()) {
            targets.writeWrongSheet(outDir);
            badRows.wrongSheet("targets_adjustment.xlsx");
            targetRows += Math.min(3, org.reps().size());
            files++;
        }
        rows.put("target", targetRows);
        ActivityGenerator.Counts activity = new ActivityGenerator(options, org, customers, badRows).write(outDir);
        rows.put("visit_plan", activity.planRows());
        rows.put("daily_report", activity.reportRows());
        PipelineWriter.Counts pipeline = new PipelineWriter(options, org, customers, badRows).write(outDir);
        rows.put("opportunity", pipeline.snapshotRows());
        rows.put("stage_change", pipeline.changeRows());
        injected = badRows.injected();
        return new GenerationSummary(rows, files + activity.files() + pipeline.files());
    }

    /** The bad rows the last {@link #generate} call wrote (empty when badRows is off), in the order written. */
    public List<InjectedBadRow> injectedBadRows() {
        return injected;
    }
}
