package com.kam.pipeline.system;

import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a job for a business date. */
public class BusinessDateOptions {

    @Option(names = "--date", description = "business date (yyyy-MM-dd); default: yesterday in Asia/Shanghai")
    LocalDate date;

    @Option(names = "--force", description = "run again for a date that has already completed")
    public boolean force;

    @Option(names = "--inbox", description = "folder of files to ingest (default: kam.inbox, ./inbox)")
    public java.nio.file.Path inbox;

    @Option(names = "--out", description = "output folder (default: kam.out, ./out)")
    public java.nio.file.Path out;

    /** The options a flow passes on to a job's command. */
    public static BusinessDateOptions of(LocalDate date, boolean force, java.nio.file.Path inbox, java.nio.file.Path out) {
        BusinessDateOptions options = new BusinessDateOptions();
        options.date = date;
        options.force = force;
        options.inbox = inbox;
        options.out = out;
        return options;
    }

    public LocalDate date() {
        return date != null ? date : LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    }
}
