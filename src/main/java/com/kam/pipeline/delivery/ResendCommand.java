package com.kam.pipeline.delivery;

import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kam resend --report ID --to EMAIL}: one archived report again, to one address; logged.
 * {@code kam resend --list --date D} shows the ids, with what each report is and whom it was mailed to.
 */
@Component
@Command(name = "resend", mixinStandardHelpOptions = true, description = {"Send one archived report (report_archive id) again.",
        "kam resend --list --date D lists the reports archived for D with their ids and whom they were mailed to."})
public class ResendCommand implements Callable<Integer>, ChangesPipelineData {

    @Option(names = "--report", description = "the report's id in report_archive (kam resend --list --date D shows them)")
    Long reportId;

    @Option(names = "--to", description = "the e-mail address to send it to")
    String email;

    @Option(names = "--list", description = "list the reports archived for --date: id, type, entity, period, language, file,"
            + " mailed to; sends nothing")
    boolean list;

    @Option(names = "--date", description = "with --list: the business date whose reports to list (yyyy-MM-dd)")
    java.time.LocalDate date;

    @Option(names = "--out", description = "output folder, for the outbox when kam.delivery.outbox is on (default: kam.out)")
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
        if (list) {
            if (date == null) {
                err.println("--list needs --date D: the business date whose archived reports to list");
                return KamCommand.BAD_USAGE;
            }
            List<String> lines = delivery.archivedReports(date);
            out.printf("%d report(s) archived for %s (id, type, entity, period, language, file, mailed to):%n", lines.size(), date);
            lines.forEach(out::println);
            out.flush();
            return KamCommand.DONE;
        }
        if (reportId == null || email == null) {
            err.println("resend needs --report ID and --to EMAIL (kam resend --list --date D shows the ids)");
            return KamCommand.BAD_USAGE;
        }
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
        } catch (NoMailServerException e) {
            err.printf("report %d not sent to %s: %s%n", reportId, email, e.getMessage());
            return KamCommand.JOB_FAILED;
        }
        if (outcome.delivered()) {
            out.printf("report %d sent to %s via %s%n", reportId, email, delivery.destination(folder));
            return KamCommand.DONE;
        }
        err.printf("report %d not sent to %s after %d attempt(s): %s%n", reportId, email, outcome.attempts(), outcome.error());
        return KamCommand.JOB_FAILED;
    }
}
