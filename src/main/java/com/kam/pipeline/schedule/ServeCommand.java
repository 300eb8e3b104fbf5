package com.kam.pipeline.schedule;

import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.NightlyFlow;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kam serve}: the long-running service. Registers jobs/schedules.yml in the clustered
 * Quartz job store, starts the scheduler (missed firings run first) and serves Actuator's
 * health and metrics over HTTP until stopped (SIGTERM / Ctrl-C).
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduler (jobs/schedules.yml) and Actuator health/metrics until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Scheduler scheduler;
    private final ScheduleRegistrar registrar;
    private final NightlyFlow flow;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    public ServeCommand(Scheduler scheduler, ScheduleRegistrar registrar, NightlyFlow flow, Environment environment,
                        ApplicationEventPublisher events) {
        this.scheduler = scheduler;
        this.registrar = registrar;
        this.flow = flow;
        this.environment = environment;
        this.events = events;
    }

    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Schedules schedules;
        try {
            flow.checkConfiguration();
            schedules = registrar.register(scheduler);
        } catch (com.kam.pipeline.system.ConfigException e) {
            spec.commandLine().getErr().println("bad configuration: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        }
        scheduler.start();
        out.printf("kam serve: scheduler %s started (instance %s, time zone %s)%n", scheduler.getSchedulerName(),
                scheduler.getSchedulerInstanceId(), schedules.zone());
        for (Schedules.Schedule schedule : schedules.schedules()) {
            var trigger = scheduler.getTrigger(TriggerKey.triggerKey(schedule.name(), ScheduleRegistrar.GROUP));
            // in the schedules' own zone, as the cron expressions read, not the server's
            out.printf("  %-10s %-18s next %s%n", schedule.name(), schedule.cron(),
                    NEXT.format(trigger.getNextFireTime().toInstant().atZone(schedules.zone())));
        }
        String port = environment.getProperty("local.server.port");
        if (port != null) {
            out.printf("  health: http://localhost:%s/actuator/health  metrics: http://localhost:%s/actuator/metrics%n", port, port);
        }
        out.flush();
        // the command line runner never returns, so Spring Boot would not declare the service ready itself
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        new CountDownLatch(1).await(); // until the JVM is stopped; Spring then shuts the scheduler down
        return KamCommand.DONE;
    }
}
