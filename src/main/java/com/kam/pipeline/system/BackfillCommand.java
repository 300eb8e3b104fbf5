package com.kam.pipeline.system;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kam backfill --from D1 --to D2}: the nightly flow for every date in the range, in order,
 * with a progress line per date. Stops at the first date that fails, since later dates build on it.
 */
@Component
@Command(name = "backfill", mixinStandardHelpOptions = true, description = "Run the nightly flow for every date from D1 to D2, in order.")
public class BackfillCommand implements Callable<Integer>, ChangesPipelineData {

    @Option(names = "--from", required = true, description = "first business date (yyyy-MM-dd)")
    LocalDate from;

    @Option(names = "--to", required = true, description = "last business date (yyyy-MM-dd)")
    LocalDate to;

    @Option(names = "--allow-future-date", description = "run dates that have not ended (today or later) as trials:"
            + " not recorded as their nights, mailing nothing")
    boolean allowFutureDate;

    @Option(names = "--force", description = "run dates again that have already completed")
    boolean force;

    @Option(names = "--inbox", description = "folder of files to ingest (default: kam.inbox, ./inbox)")
    Path inbox;

    @Option(names = "--out", description = "output folder (default: kam.out, ./out)")
    Path out;

    @Spec
    CommandSpec spec;

    private final NightlyFlow flow;
    private final KamProperties properties;
    private final CompanyClock clock;

    public BackfillCommand(NightlyFlow flow, KamProperties properties, CompanyClock clock) {
        this.flow = flow;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to.isBefore(from)) {
            err.printf("--to %s is before --from %s%n", to, from);
            return KamCommand.BAD_USAGE;
        }
        if (!allowFutureDate) {
            BusinessDateOptions.requireEnded(spec, "--to", to, clock);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long started = System.nanoTime();
        int index = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            index++;
            long dayStarted = System.nanoTime();
            int code = flow.night(date, force, inbox != null ? inbox : properties.inbox(), out != null ? out : properties.out(),
                    console, err);
            Duration took = Duration.ofNanos(System.nanoTime() - dayStarted);
            String outcome = code != KamCommand.DONE ? "FAILED"
                    : flow.warnings(NightlyFlow.NIGHT.stream().map(NightlyFlow.Step::of).toList(), date).isEmpty() ? "done"
                    : "done, with warnings";
            console.printf("backfill [%d/%d] %s: %s (%.1f s, %.0f%% done, elapsed %d s)%n", index, days, date, outcome,
                    took.toMillis() / 1000.0, 100.0 * index / days, Duration.ofNanos(System.nanoTime() - started).toSeconds());
            console.flush();
            if (code != KamCommand.DONE) {
                console.printf("backfill stopped at %s; %d later date(s) not run%n", date, days - index);
                return code;
            }
        }
        return KamCommand.DONE;
    }
}
