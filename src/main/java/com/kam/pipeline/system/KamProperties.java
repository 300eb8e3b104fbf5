package com.kam.pipeline.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The product's own settings ({@code kam.*} in application.yml), relative to the working directory.
 *
 * @param inbox   where source files are dropped; processed ones move to {@code inbox/archive/<date>/}
 * @param out     where each run writes its outputs, under {@code out/<date>/}
 * @param sources the folder of source mapping files
 * @param jobs    the folder of the files an operator edits (rollup.yml, appraisal.yml, ...)
 * @param timeZone the company's time zone: of the generation time printed on the reports and
 *                 written in the finance extract (the scheduler's is in schedules.yml)
 */
@ConfigurationProperties("kam")
public record KamProperties(
        @DefaultValue("inbox") Path inbox,
        @DefaultValue("out") Path out,
        @DefaultValue("jobs/sources") Path sources,
        @DefaultValue("jobs") Path jobs,
        @DefaultValue Ingest ingest,
        @DefaultValue("Asia/Shanghai") String timeZone) {

    /** The company's time zone. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    /** The local date and time now in the company's time zone. */
    public java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(zone());
    }

    /**
     * @param chunkSize     rows per transaction
     * @param planDaysAhead how far after the business date a visit plan may be dated
     * @param newDealWaitDays how many days after its date a stage change naming a deal that no
     *                        snapshot lists yet waits for one (snapshots may come weekly)
     * @param settle          an inbox file changed more recently than this is read only once it
     *                        has stopped changing for this long (an export may still be writing it)
     * @param settleWait      how long a run waits for such files before leaving them for the next run
     */
    public record Ingest(@DefaultValue("20000") int chunkSize, @DefaultValue("14") int planDaysAhead,
                         @DefaultValue("7") int newDealWaitDays, @DefaultValue("5s") java.time.Duration settle,
                         @DefaultValue("10m") java.time.Duration settleWait) {
    }
}
