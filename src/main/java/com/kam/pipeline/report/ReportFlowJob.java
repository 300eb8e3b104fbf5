package com.kam.pipeline.report;

import com.kam.pipeline.system.BusinessDateOptions;
import com.kam.pipeline.system.FlowJob;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The report job in a flow: as {@code kam report}, working out which reports are due (or the schedule's type). */
@Component
class ReportFlowJob implements FlowJob {

    private final ReportService service;
    private final KamProperties properties;
    private final ReportTemplates templates;

    ReportFlowJob(ReportService service, KamProperties properties, ReportTemplates templates) {
        this.service = service;
        this.properties = properties;
        this.templates = templates;
    }

    /** The templates are there (compiling them is the report job's first step). */
    @Override
    public void checkBeforeFlow() {
        templates.checkPresent();
    }

    @Override
    public String jobName() {
        return "report";
    }

    @Override
    public int run(LocalDate date, boolean force, Map<String, String> parameters, Path inbox, Path out, PrintWriter console,
                   PrintWriter err) throws Exception {
        return ReportCommand.run(service, properties, BusinessDateOptions.of(date, force, inbox, out), parameters.get("type"),
                console, err);
    }
}
