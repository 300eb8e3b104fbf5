package com.kam.pipeline.delivery;

import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code deliver} job for one business date: mail the reports archived that day. Parameters:
 * {@code businessDate}, optional {@code out} (outbox folder parent) and {@code type} (one report type).
 * The job fails when any mail could not be delivered, and when no SMTP server is configured and
 * the outbox is not chosen; running it again sends only what is missing.
 */
@Configuration
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryJobConfiguration {

    static final String JOB_NAME = "deliver";
    /** Job execution context key of the run summary, printed by the command line. */
    static final String SUMMARY = com.kam.pipeline.system.NightlyFlow.SUMMARY;
    static final String OUT = "out";
    static final String TYPE = "type";

    /**
     * Ends the step FAILED when mails were not delivered, an expected outcome the summary already
     * explains: without a stack trace, which would bury that summary in the console (Spring Batch
     * logs the exception of a failed step). Unexpected exceptions keep theirs.
     */
    static final class MailsNotDelivered extends RuntimeException {
        MailsNotDelivered(String message) {
            super(message, null, false, false);
        }
    }

    @Bean
    Job deliverJob(JobRepository repository, DeliveryService delivery,
                   KamProperties properties) {
        return new JobBuilder(JOB_NAME, repository)
                .start(new StepBuilder("deliver-mail", repository).tasklet((contribution, chunk) -> {
                    JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
                    JobParameters parameters = execution.getJobParameters();
                    LocalDate date = parameters.getLocalDate(JobRunner.BUSINESS_DATE);
                    String out = parameters.getString(OUT);
                    DeliverySummary summary;
                    try {
                        summary = delivery.deliver(date, parameters.getString(TYPE), execution.getId(),
                                out != null ? Path.of(out) : properties.out());
                    } catch (NoMailServerException e) {
                        // nowhere to send to: nothing is tried, nothing logged; a run with a server (or the outbox) sends all
                        execution.getExecutionContext().putString(SUMMARY, "  nothing delivered: " + e.getMessage()
                                + "; then run deliver again for the date" + System.lineSeparator());
                        throw new MailsNotDelivered("nothing delivered: no SMTP server is configured (spring.mail.host) and"
                                + " kam.delivery.outbox is off (the run summary says what to set)");
                    }
                    contribution.incrementWriteCount(summary.delivered()); // shown as "loaded" by kam runs
                    execution.getExecutionContext().putString(SUMMARY, summary.format());
                    com.kam.pipeline.system.WarningsExitStatus.leave(execution, summary.allWarnings());
                    if (!summary.allDelivered()) {
                        throw new MailsNotDelivered((summary.failures().size() + (summary.unreachable() == null ? 0
                                : summary.unreachable().notTried())) + " mail(s) not delivered (listed in the run summary);"
                                + " run deliver again for the date to retry them");
                    }
                    return RepeatStatus.FINISHED;
                    // each delivery_log row commits on its own: a mail that left is logged even when the step fails
                }, new ResourcelessTransactionManager()).build())
                .listener(new com.kam.pipeline.system.WarningsExitStatus())
                .build();
    }
}
