package com.kam.pipeline.system;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options shared by the commands that run a job for a business date. A prototype bean, which
 * picocli's factory creates per command, so that the default date follows {@code kam.time-zone}.
 */
@Component
@Scope("prototype")
public class BusinessDateOptions {

    @Option(names = "--date", description = "business date (yyyy-MM-dd); default: yesterday in kam.time-zone (Asia/Shanghai)")
    LocalDate date;

    @Option(names = "--force", description = "run again for a date that has already completed")
    public boolean force;

    @Option(names = "--inbox", description = "folder of files to ingest (default: kam.inbox, ./inbox)")
    public java.nio.file.Path inbox;

    @Option(names = "--out", description = "output folder (default: kam.out, ./out)")
    public java.nio.file.Path out;

    @Option(names = "--allow-future-date", description = "run for a --date that has not ended (today or later) as a trial:"
            + " not recorded as that date's night, mailing nothing")
    boolean allowFutureDate;

    /** The command these options are mixed into, to refuse a date that has not ended as a usage error. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Null for options a flow builds with their date. */
    private final CompanyClock clock;

    @Autowired
    public BusinessDateOptions(CompanyClock clock) {
        this.clock = clock;
    }

    /** The options a flow passes on to a job's command. */
    public static BusinessDateOptions of(LocalDate date, boolean force, java.nio.file.Path inbox, java.nio.file.Path out) {
        BusinessDateOptions options = new BusinessDateOptions(null);
        options.date = Objects.requireNonNull(date, "date");
        options.force = force;
        options.inbox = inbox;
        options.out = out;
        return options;
    }

    public LocalDate date() {
        if (date == null) {
            return clock.today().minusDays(1);
        }
        if (command != null && !allowFutureDate) {
            requireEnded(command, "--date", date, clock);
        }
        return date;
    }

    /**
     * Refuses a business date that has not ended in {@code kam.time-zone}, today or later (exit 2): a
     * mistyped year would run a night of empty days and mail every team lead that nobody reported,
     * and today's night, run in the afternoon, would mail a day half over and be recorded as the
     * completed night, so that the real one found it done.
     */
    public static void requireEnded(CommandSpec command, String option, LocalDate date, CompanyClock clock) {
        if (!clock.hasEnded(date)) {
            throw new ParameterException(command.commandLine(), clock.notEnded(option, date));
        }
    }
}
