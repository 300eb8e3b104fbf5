package com.kam.pipeline.system;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Option;

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

    /** Null for options a flow builds with their date. */
    private final KamProperties properties;

    @Autowired
    public BusinessDateOptions(KamProperties properties) {
        this.properties = properties;
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
        return date != null ? date : properties.now().toLocalDate().minusDays(1);
    }
}
