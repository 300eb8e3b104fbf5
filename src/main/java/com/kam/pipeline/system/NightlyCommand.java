package com.kam.pipeline.system;

import com.kam.pipeline.ingest.IngestCommand;
import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.rollup.RollupCommand;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kam nightly --date D}: the whole night for a business date. For now the night is the
 * ingest; rollup, forecast, reports and delivery join it as they are built.
 */
@Component
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "Run the whole night for a business date.")
public class NightlyCommand implements Callable<Integer> {

    @Mixin
    BusinessDateOptions options;

    @Spec
    CommandSpec spec;

    private final IngestService ingest;
    private final RollupCommand rollup;
    private final KamProperties properties;

    public NightlyCommand(IngestService ingest, RollupCommand rollup, KamProperties properties) {
        this.ingest = ingest;
        this.rollup = rollup;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int code = IngestCommand.run(ingest, properties, options, out, err);
        if (code != KamCommand.DONE) {
            return code;
        }
        return rollup.run(options.date(), options.force, false, out, err);
    }
}
