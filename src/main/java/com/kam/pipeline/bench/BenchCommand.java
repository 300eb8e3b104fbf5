package com.kam.pipeline.bench;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code kam bench ...}: benchmarks that print their figures. */
@Component
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures.",
        subcommands = {IngestBenchmark.class, RollupBenchmark.class, ForecastBenchmark.class, ReportBenchmark.class})
public class BenchCommand {
}
