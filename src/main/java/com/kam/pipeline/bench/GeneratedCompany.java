package com.kam.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
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

    /** What a benchmark does in its folder. */
    interface InFolder<T> {
        T run(Path folder) throws Exception;
    }

    /**
     * Runs a benchmark in the {@code --work} folder, or in a temporary folder that is removed
     * afterwards (a year of 1,000 reps' files is 250 MB).
     */
    <T> T inFolder(String prefix, InFolder<T> benchmark) throws Exception {
        if (work != null) {
            return benchmark.run(work);
        }
        Path folder = Files.createTempDirectory(prefix);
        try {
            return benchmark.run(folder);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        }
    }

    /**
     * Dates the generated files an hour back: the drop is complete, and the ingest's wait for files
     * that may still be being written (kam.ingest.settle) is no part of what a benchmark times.
     */
    static void complete(Path inbox) throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, hourAgo);
            }
        }
    }
}
