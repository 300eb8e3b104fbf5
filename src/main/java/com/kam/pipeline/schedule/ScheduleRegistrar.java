package com.kam.pipeline.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the schedules of {@code jobs/schedules.yml} into Quartz's job store. A trigger whose cron
 * and time zone are unchanged is left alone, so the firings it missed while no instance was up
 * are still due and run at start (misfire policy: fire every missed time, oldest first); a
 * changed one is replaced, and triggers of schedules removed from the file are deleted.
 */
public class ScheduleRegistrar {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);
    static final String GROUP = "kam";
    static final String SCHEDULE = "schedule";

    private final ScheduleSettings settings;
    private final Clock clock;
    private final Supplier<DayOfWeek> weekStart;
    private final ZoneId companyZone;

    /**
     * {@code weekStart}: the first day of the rollup's weeks, read when the schedules are;
     * {@code companyZone}: {@code kam.time-zone}, the schedules' zone unless the file sets one.
     */
    public ScheduleRegistrar(ScheduleSettings settings, Clock clock, Supplier<DayOfWeek> weekStart, ZoneId companyZone) {
        this.settings = settings;
        this.clock = clock;
        this.weekStart = weekStart;
        this.companyZone = companyZone;
    }

    public Schedules schedules() {
        return Schedules.load(settings.file(), companyZone).requireWeeklyReportsOnWeekEnds(settings.file(), weekStart.get());
    }

    /** Registers the file's schedules in {@code scheduler}; returns them. */
    public Schedules register(Scheduler scheduler) throws SchedulerException {
        Schedules schedules = schedules();
        TimeZone zone = TimeZone.getTimeZone(schedules.zone());
        Set<TriggerKey> wanted = new HashSet<>();
        for (Schedules.Schedule schedule : schedules.schedules()) {
            TriggerKey key = TriggerKey.triggerKey(schedule.name(), GROUP);
            wanted.add(key);
            Trigger existing = scheduler.getTrigger(key);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron())
                    && Objects.equals(cron.getTimeZone().getID(), zone.getID())) {
                log.info("schedule {} ({} {}) kept; next firing {}", schedule.name(), schedule.cron(), zone.getID(),
                        schedules.inZone(existing.getNextFireTime()));
                continue;
            }
            JobDetail job = JobBuilder.newJob(PipelineQuartzJob.class)
                    .withIdentity(JobKey.jobKey(schedule.name(), GROUP))
                    .usingJobData(SCHEDULE, schedule.name())
                    .storeDurably()
                    .requestRecovery()   // an instance that dies mid-run: another one runs the firing again
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .startAt(Date.from(clock.instant()))
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron()).inTimeZone(zone)
                            .withMisfireHandlingInstructionIgnoreMisfires())
                    .build();
            scheduler.addJob(job, true);
            if (existing != null) {
                scheduler.rescheduleJob(key, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
            log.info("schedule {} ({} {}) registered; next firing {}", schedule.name(), schedule.cron(), zone.getID(),
                    schedules.inZone(scheduler.getTrigger(key).getNextFireTime()));
        }
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                scheduler.unscheduleJob(key);
                scheduler.deleteJob(JobKey.jobKey(key.getName(), GROUP));
                log.info("schedule {} is no longer in {}; removed", key.getName(), settings.file());
            }
        }
        return schedules;
    }
}
