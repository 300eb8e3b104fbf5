package com.kam.pipeline.schedule;

import com.kam.pipeline.system.CompanyClock;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import com.kam.pipeline.system.NightlyFlow;
import com.kam.pipeline.system.RunGuard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a schedule's trigger does: runs its jobs for the business date of the firing (the day
 * before it was due, so a caught-up firing runs the night it missed) and records the firing in
 * schedule_run. A failure is logged and recorded, never rethrown: the next firing, and the
 * other schedules, run as planned. One firing of a schedule at a time across the cluster; a
 * firing due while another run holds the pipeline (a night typed by hand, another instance's
 * firing) waits for it, up to {@link #PATIENCE}, rather than miss its night. A firing whose
 * business date has not ended in the company's time zone (schedules.yml in a zone ahead of
 * {@code kam.time-zone}) runs nothing and is recorded FAILED, saying so; one whose jobs completed
 * with warnings (see {@link NightlyFlow#warnings}) is recorded {@link #COMPLETED_WITH_WARNINGS}.
 */
@DisallowConcurrentExecution
public class PipelineQuartzJob implements org.quartz.Job {

    private static final Logger log = LoggerFactory.getLogger(PipelineQuartzJob.class);

    private static final Duration PATIENCE = Duration.ofHours(6);
    private static final Duration REPORT = Duration.ofMinutes(5);
    /** schedule_run.outcome of a firing whose jobs completed with warnings (VARCHAR(20)). */
    static final String COMPLETED_WITH_WARNINGS = "COMPLETED_WARNINGS";

    private final ScheduleRegistrar registrar;
    private final NightlyFlow flow;
    private final ScheduleRuns runs;
    private final KamProperties properties;
    private final RunGuard guard;
    private final CompanyClock clock;

    public PipelineQuartzJob(ScheduleRegistrar registrar, NightlyFlow flow, ScheduleRuns runs, KamProperties properties,
                             RunGuard guard, CompanyClock clock) {
        this.registrar = registrar;
        this.flow = flow;
        this.runs = runs;
        this.properties = properties;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getMergedJobDataMap().getString(ScheduleRegistrar.SCHEDULE);
        Schedules schedules;
        try {
            schedules = registrar.schedules();
        } catch (com.kam.pipeline.system.ConfigException e) {
            // edited into a bad state while serving: skip this firing, keep the scheduler running
            log.error("schedule {} due {} not run: bad configuration: {}", name, context.getScheduledFireTime(), e.getMessage());
            return;
        }
        LocalDate date = schedules.businessDateOf(context.getScheduledFireTime());
        long run = runs.started(name, context.getScheduledFireTime(), instanceId(context), date);
        log.info("schedule {} fired (due {}): business date {}", name, schedules.inZone(context.getScheduledFireTime()), date);
        if (!clock.hasEnded(date)) {
            // the day before the firing in schedules.yml's zone is still going on in the company's
            String refused = clock.whyNotYet("business date", date)
                    + "; the schedule fires in " + schedules.zone() + " (schedules.yml's time-zone): set it to the company's,"
                    + " or fire after midnight " + clock.zone() + ". Nothing was run";
            log.error("schedule {} for {} not run: {}", name, date, refused);
            runs.finished(run, "FAILED", refused);
            return;
        }
        StringWriter output = new StringWriter();
        int code;
        try (PrintWriter console = new PrintWriter(output);
             RunGuard.Held held = guard.await("schedule " + name + " for " + date, PATIENCE, REPORT,
                     line -> log.info("schedule {} for {}: {}", name, date, line))) {
            code = flow.run(schedules.byName(name).steps(), date, false, properties.inbox(), properties.out(), console, console);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.finished(run, "FAILED", "stopped while waiting for another run to finish");
            return;
        } catch (RunGuard.BusyException e) {
            log.error("schedule {} for {} not run: {}", name, date, e.getMessage());
            runs.finished(run, "FAILED", e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("schedule {} for {} failed", name, date, e);
            runs.finished(run, "FAILED", e.toString());
            return;
        }
        String outcome = code != KamCommand.DONE ? "FAILED"
                : flow.warnings(schedules.byName(name).steps(), date).isEmpty() ? "COMPLETED" : COMPLETED_WITH_WARNINGS;
        log.info("schedule {} for {}: {}\n{}", name, date, outcome, output);
        runs.finished(run, outcome, output.toString());
    }

    private static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
