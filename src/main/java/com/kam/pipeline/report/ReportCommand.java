package com.kam.pipeline.report;

import com.kam.pipeline.system.BusinessDateOptions;
import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kam report --date D [--type T]}: the PDF reports due on a business date, into out/<date>/reports/. */
@Component
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the PDF reports due on a business date (or one --type for the period containing it).")
public class ReportCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Option(names = "--type", description = "only this report, for the period containing the date: scorecard, weekly, funnel, digest")
    String type;

    @Spec
    CommandSpec spec;

    private final ReportService service;
    private final KamProperties properties;

    public ReportCommand(ReportService service, KamProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        return run(service, properties, options, type, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the report job and prints its summary; returns the exit code. For {@code nightly} too (type null). */
    public static int run(ReportService service, KamProperties properties, BusinessDateOptions options, String type,
                          PrintWriter out, PrintWriter err) throws Exception {
        ReportType forced;
        try {
            forced = type == null ? null : ReportType.parse(type);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return KamCommand.BAD_USAGE;
        }
        Path outRoot = options.out != null ? options.out : properties.out();
        try {
            ReportService.Result result = service.run(options.date(), forced, options.force, outRoot);
            out.printf("report %s: %s%n%s", options.date(), result.execution().getStatus(), result.format());
            out.printf("PDFs in %s%n", outRoot.resolve(options.date().toString()).resolve("reports"));
            out.flush();
            return result.succeeded() ? KamCommand.DONE : KamCommand.JOB_FAILED;
        } catch (ReportRefusedException e) {
            err.println(e.getMessage());
            return KamCommand.JOB_FAILED;
        } catch (ReportTemplateException e) {
            err.println(e.getMessage());
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
