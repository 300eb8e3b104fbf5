package com.kam.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options of a benchmark that generates its company: how many reps, over how long, where. */
class GeneratedCompany {

    /** The last day of every generated history, so runs compare. */
    static final LocalDate END = LocalDate.of(2026, 10, 31);

    @Option(names = "--reps", defaultValue = "1000")
    int reps;

    @Option(names = "--months", defaultValue = "12")
    int months;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--work", description = "folder for the generated files (default: a temporary folder)")
    Path work;

    LocalDate start() {
        return END.minusMonths(months).plusDays(1);
    }

    Path folder(String prefix) throws IOException {
        return work != null ? work : Files.createTempDirectory(prefix);
    }
}
