package com.kam.pipeline.system;

import com.kam.pipeline.ingest.IngestCommand;
import com.kam.pipeline.ingest.IngestService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The ingest in a flow: as {@code kam ingest}, with its mapping-file check and per-source summary. */
@Component
class IngestFlowJob implements FlowJob {

    private final IngestService ingest;
    private final KamProperties properties;

    IngestFlowJob(IngestService ingest, KamProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    @Override
    public String jobName() {
        return "ingest";
    }

    @Override
    public int run(LocalDate date, boolean force, Map<String, String> parameters, Path inbox, Path out, PrintWriter console,
                   PrintWriter err) throws Exception {
        return IngestCommand.run(ingest, properties, BusinessDateOptions.of(date, force, inbox, out), console, err);
    }
}
