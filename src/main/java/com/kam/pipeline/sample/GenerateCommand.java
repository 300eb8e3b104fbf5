package com.kam.pipeline.sample;

import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.ReadsOnly;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kam generate}: writes a generated company as files to drop into the inbox. */
@Component
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic sample company (org, customers, targets, plans, reports, snapshots).")
public class GenerateCommand implements Callable<Integer>, ReadsOnly {

    @Option(names = "--reps", defaultValue = "30", description = "number of reps (default ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--start", defaultValue = "2026-04-01", description = "first business day (default ${DEFAULT-VALUE})")
    LocalDate start;

    @Option(names = "--end", description = "last business day (default: --months after --start, else 2026-10-31)")
    LocalDate end;

    @Option(names = "--months", description = "length of the period in months, instead of --end")
    Integer months;

    @Option(names = "--seed", defaultValue = "20260401", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--snapshot-every", defaultValue = "7", description = "days between opportunity snapshots (1 = nightly)")
    int snapshotEvery;

    @Option(names = "--no-bad-rows", negatable = true, defaultValue = "true", description = "sprinkle bad rows of every kind")
    boolean badRows;

    @Option(names = "--out", required = true, description = "folder to write the files to")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LocalDate last = end != null ? end : months != null ? start.plusMonths(months).minusDays(1) : LocalDate.of(2026, 10, 31);
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(reps, start, last, seed, snapshotEvery, badRows);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        GenerationSummary summary = new SampleDataGenerator(options).generate(out);
        spec.commandLine().getOut().printf("wrote %d files to %s in %.1f s: %s%n", summary.files(), out,
                (System.nanoTime() - t0) / 1e9, summary.rowsPerKind());
        return KamCommand.DONE;
    }
}
