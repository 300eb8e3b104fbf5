package com.kam.pipeline.report;

import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code report} job for one business date: one chunk step per report type (scorecards,
 * weekly, funnel, digest); a step whose type is not due that day (nor forced) reads nothing.
 */
@Configuration
@EnableConfigurationProperties(ReportProperties.class)
class ReportJobConfiguration {

    static final String JOB_NAME = "report";

    @Bean
    Job report(JobRepository repository, ReportStepFactory steps, List<ReportContent> contents, ReportProperties properties) {
        List<ReportContent> ordered = contents.stream().sorted(Comparator.comparing(ReportContent::type)).toList();
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, repository)
                .start(steps.step(stepName(ordered.get(0).type()), ordered.get(0), properties.threads()));
        for (ReportContent content : ordered.subList(1, ordered.size())) {
            job.next(steps.step(stepName(content.type()), content, properties.threads()));
        }
        return job.build();
    }

    static String stepName(ReportType type) {
        return "report-" + type.folder();
    }
}
