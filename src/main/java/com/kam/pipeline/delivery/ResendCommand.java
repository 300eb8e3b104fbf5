package com.kam.pipeline.delivery;

import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kam resend --report ID --to EMAIL}: one archived report again, to one address; logged. */
@Component
@Command(name = "resend", mixinStandardHelpOptions = true, description = "Send one archived report (report_archive id) again.")
public class ResendCommand implements Callable<Integer>, ChangesPipelineData {

    @Option(names = "--report", required = true, description = "the report's id in report_archive (see `kam runs`)")
    long reportId;

    @Option(names = "--to", required = true, description = "the e-mail address to send it to")
    String email;

    @Option(names = "--out", description = "output folder, for the outbox when no SMTP server is set (default: kam.out)")
    Path outFolder;

    @Spec
    CommandSpec spec;

    private final DeliveryService delivery;
    private final KamProperties properties;

    public ResendCommand(DeliveryService delivery, KamProperties properties) {
        this.delivery = delivery;
        this.properties = properties;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!email.contains("@")) {
            err.println("--to must be an e-mail address, got " + email);
            return KamCommand.BAD_USAGE;
        }
        Path folder = outFolder != null ? outFolder : properties.out();
        RetryingSender.Outcome outcome;
        try {
            outcome = delivery.resend(reportId, email, folder);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return KamCommand.BAD_USAGE;
        }
        if (outcome.delivered()) {
            out.printf("report %d sent to %s via %s%n", reportId, email, delivery.destination(folder));
            return KamCommand.DONE;
        }
        err.printf("report %d not sent to %s after %d attempt(s): %s%n", reportId, email, outcome.attempts(), outcome.error());
        return KamCommand.JOB_FAILED;
    }
}
