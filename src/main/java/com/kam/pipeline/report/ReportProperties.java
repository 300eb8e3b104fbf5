package com.kam.pipeline.report;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The report job's settings ({@code kam.report.*}).
 *
 * @param templates   the folder of JRXML templates and their {@code i18n/report_<lang>.properties} bundles
 * @param languages   the languages to render each report in; empty = the distinct languages of the people in org_assignment
 * @param threads     how many PDFs are rendered at once (1 = single-threaded)
 * @param chunkSize   entities per transaction of the report steps
 * @param stalledDays an open deal whose stage has not moved for longer is listed as stalled (when the forecast tables do not say)
 */
@ConfigurationProperties("kam.report")
public record ReportProperties(
        @DefaultValue("report-templates") Path templates,
        @DefaultValue List<String> languages,
        @DefaultValue("2") int threads,
        @DefaultValue("20") int chunkSize,
        @DefaultValue("45") int stalledDays) {
}
