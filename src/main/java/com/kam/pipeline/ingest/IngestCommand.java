package com.kam.pipeline.ingest;

import com.kam.pipeline.system.BusinessDateOptions;
import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kam ingest --date D}: take in the inbox files and JDBC sources for one business date. */
@Component
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load the inbox files and JDBC sources for a business date; bad rows go to out/<date>/rejects/.")
public class IngestCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Spec
    CommandSpec spec;

    private final IngestService service;
    private final KamProperties properties;

    public IngestCommand(IngestService service, KamProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        return run(service, properties, options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the ingest and prints its summary; returns the exit code. Shared with {@code nightly}. */
    public static int run(IngestService service, KamProperties properties, BusinessDateOptions options, PrintWriter out,
                          PrintWriter err) throws Exception {
        try {
            IngestService.Result result = service.ingest(options.date(), options.force,
                    options.inbox != null ? options.inbox : properties.inbox(),
                    options.out != null ? options.out : properties.out());
            out.printf("ingest %s: %s%s%n%s", options.date(), result.execution().getStatus(),
                    result.warnings().isEmpty() ? "" : " WITH WARNINGS", result.summary().format());
            // what the night lacks: a working day without daily reports, nights that never ran
            result.warnings().forEach(warning -> out.printf("WARN: %s%n", warning));
            // why a failed run stopped, in a line (the log has the stack trace)
            result.execution().getAllFailureExceptions().forEach(e -> out.printf("  failed: %s%n",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage()));
            if (result.summary().totalRejected() > 0) {
                out.printf("rejected rows and their reasons: %s%n",
                        (options.out != null ? options.out : properties.out()).resolve(options.date().toString()).resolve("rejects"));
            }
            out.flush();
            return result.succeeded() ? KamCommand.DONE : KamCommand.JOB_FAILED;
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
