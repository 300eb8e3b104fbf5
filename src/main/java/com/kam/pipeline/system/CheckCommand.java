package com.kam.pipeline.system;

import com.kam.pipeline.delivery.DeliveryService;
import com.kam.pipeline.ingest.InboxCheck;
import com.kam.pipeline.ingest.SourceCatalog;
import com.kam.pipeline.report.ReportService;
import com.kam.pipeline.schedule.ScheduleRegistrar;
import com.kam.pipeline.schedule.Schedules;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kam check}: reads every file an operator edits, as the jobs would, logs in to the
 * SMTP server, says where the database's schema is against this release (without migrating it:
 * {@link ReadsOnly}) and whether MariaDB allows the bulk loader ({@link BulkInsert}), and runs nothing:
 * {@code ok} or {@code BAD} per group, then {@code WARN} lines for mail settings that work but should
 * not stay (the built-in sender address), and for gaps in today's organisation that keep reports
 * from someone the distribution rules name (a manager_id that names nobody).
 * After changing appraisal weights, a mapping or a template during the day, this says whether
 * tonight will accept them: a template that does not compile would otherwise be found only when
 * the night reaches its reports.
 */
@Component
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the configuration, source mappings, the inbox's files, report templates, schedules and mail server"
                + " without running anything.")
public class CheckCommand implements Callable<Integer>, ReadsOnly {

    @Spec
    CommandSpec spec;

    private final NightlyFlow flow;
    private final KamProperties properties;
    private final ReportService reports;
    private final ScheduleRegistrar schedules;
    private final DeliveryService delivery;
    private final SchemaMigration schema;
    private final CompanyClock clock;
    private final JdbcTemplate jdbc;

    public CheckCommand(NightlyFlow flow, KamProperties properties, ReportService reports, ScheduleRegistrar schedules,
                        DeliveryService delivery, SchemaMigration schema, CompanyClock clock, JdbcTemplate jdbc) {
        this.flow = flow;
        this.properties = properties;
        this.reports = reports;
        this.schedules = schedules;
        this.delivery = delivery;
        this.schema = schema;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Supplier<String>> checks = new LinkedHashMap<>();
        // MariaDB's local_infile, which the ingest and the rollup need: else they fail on their first rows
        checks.put("bulk load", () -> BulkInsert.check(jdbc));
        checks.put("rollup, appraisal, forecast and distribution settings", () -> {
            flow.checkConfiguration();
            return properties.jobs().toString();
        });
        checks.put("source mappings", () -> SourceCatalog.load(properties.sources()).sources().size() + " sources in "
                + properties.sources());
        checks.put("inbox", () -> {
            try {
                return InboxCheck.describe(SourceCatalog.load(properties.sources()), properties.inbox());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + properties.inbox() + ": " + e.getMessage(), e);
            }
        });
        checks.put("report templates", () -> "compiled, labels for " + String.join(", ", reports.checkTemplates()));
        checks.put("schedules", () -> {
            Schedules read = schedules.schedules();
            return read.schedules().size() + " schedules, time zone " + read.zone();
        });
        checks.put("mail", () -> delivery.checkMailServer(properties.out()));
        int bad = 0;
        // pending migrations are no fault: the next run that writes applies them
        SchemaState state = schema.state().orElse(null);
        if (state != null) {
            out.printf("%-5sdatabase: %s%n", state.upToDate() ? "ok" : state.newerThanRelease() ? "BAD" : "note",
                    state.describe());
            bad += state.newerThanRelease() ? 1 : 0;
        }
        for (Map.Entry<String, Supplier<String>> check : checks.entrySet()) {
            try {
                out.printf("ok   %s: %s%n", check.getKey(), check.getValue().get());
            } catch (DataAccessException e) {
                if (state == null || state.upToDate()) {
                    bad++;
                    out.printf("BAD  %s: %s%n", check.getKey(), e.getMessage());
                } else {
                    // it reads tables this release has not created yet: not the configuration's fault
                    out.printf("note %s: not checked until the database has this release's schema: %s%n", check.getKey(),
                            e.getMostSpecificCause().getMessage());
                }
            } catch (RuntimeException e) {
                bad++;
                out.printf("BAD  %s: %s%n", check.getKey(), e.getMessage());
            }
        }
        // settings that work but should not stay as they are: said, not counted as bad
        delivery.mailWarnings().forEach(warning -> out.printf("WARN mail: %s%n", warning));
        try {
            delivery.orgWarnings(clock.today()).forEach(warning -> out.printf("WARN org: %s%n", warning));
        } catch (DataAccessException e) {
            // no database, or not this release's schema: the database line above says so
        }
        out.flush();
        return bad == 0 ? KamCommand.DONE : KamCommand.BAD_USAGE;
    }
}
