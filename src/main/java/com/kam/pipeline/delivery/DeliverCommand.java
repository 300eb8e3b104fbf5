package com.kam.pipeline.delivery;

import com.kam.pipeline.system.BusinessDateOptions;
import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.CompanyClock;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kam deliver --date D [--type T]}: mail the reports archived for a business date. */
@Component
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = "Mail the reports archived for a business date to the people jobs/distribution.yml names"
                + " through the SMTP server of spring.mail.* (with kam.delivery.outbox=true: .eml files in out/outbox/ instead,"
                + " sent to nobody).")
public class DeliverCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Option(names = "--type", description = "only this report type: SCORECARD, WEEKLY, FUNNEL or DIGEST")
    String type;

    @Spec
    CommandSpec spec;

    private final JobRunner runner;
    private final Job deliverJob;
    private final DeliveryService delivery;
    private final KamProperties properties;
    private final CompanyClock clock;

    public DeliverCommand(JobRunner runner, @Qualifier("deliverJob") Job deliverJob, DeliveryService delivery,
                          KamProperties properties, CompanyClock clock) {
        this.runner = runner;
        this.deliverJob = deliverJob;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        String type;
        try {
            // case-insensitive, as `kam report --type` reads it
            type = this.type == null ? null : com.kam.pipeline.report.ReportType.parse(this.type).name();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return KamCommand.BAD_USAGE;
        }
        if (!clock.hasEnded(options.date())) {
            // passed with --allow-future-date: a trial renders a day's reports, but mails them only on its night
            err.printf("%s; a trial mails nothing: the reports of %s are mailed by its night%n",
                    clock.whyNotYet("--date", options.date()), options.date());
            return KamCommand.BAD_USAGE;
        }
        try {
            delivery.check();
            Map<String, String> identifying = new HashMap<>();
            if (type != null) {
                identifying.put(DeliveryJobConfiguration.TYPE, type);
            }
            JobExecution execution = runner.run(deliverJob, options.date(), options.force,
                    Map.of(DeliveryJobConfiguration.OUT, (options.out != null ? options.out : properties.out()).toString()),
                    identifying);
            out.printf("deliver %s: %s%n", options.date(), execution.getStatus());
            String summary = execution.getExecutionContext().getString(DeliveryJobConfiguration.SUMMARY, "");
            out.print(summary);
            out.flush();
            return JobRunner.succeeded(execution) ? KamCommand.DONE : KamCommand.JOB_FAILED;
        } catch (com.kam.pipeline.system.ConfigException e) {
            err.println("bad configuration: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        } catch (JobRunner.AlreadyCompleteException e) {
            out.println(e.getMessage());
            return KamCommand.DONE;
        } catch (JobRunner.StillRunningException e) {
            err.println(e.getMessage());
            return KamCommand.JOB_FAILED;
        }
    }
}
