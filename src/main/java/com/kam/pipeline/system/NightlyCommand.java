package com.kam.pipeline.system;

import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kam nightly --date D}: the whole night for a business date: ingest, rollup, forecast,
 * report and deliver in turn (see {@link NightlyFlow}); a job not yet in the build is skipped.
 */
@Component
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "Run the whole night for a business date.")
public class NightlyCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Spec
    CommandSpec spec;

    private final NightlyFlow flow;
    private final KamProperties properties;

    public NightlyCommand(NightlyFlow flow, KamProperties properties) {
        this.flow = flow;
        this.properties = properties;
    }

    @Override
    public Integer call() {
        return flow.night(options.date(), options.force, options.inbox != null ? options.inbox : properties.inbox(),
                options.out != null ? options.out : properties.out(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
