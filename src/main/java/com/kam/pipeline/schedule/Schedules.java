package com.kam.pipeline.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kam.pipeline.system.ConfigException;
import com.kam.pipeline.system.ConfigFile;
import com.kam.pipeline.system.NightlyFlow;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The checked form of {@code jobs/schedules.yml}: a time zone and named cron schedules, each
 * running the nightly flow or a list of jobs for the day before the day it fires.
 */
public record Schedules(ZoneId zone, List<Schedule> schedules) {

    /** One schedule: its cron expression and the jobs it runs, in order. */
    public record Schedule(String name, String cron, List<NightlyFlow.Step> steps) {
    }

    /** The file as written. */
    record File(@JsonProperty("time-zone") String timeZone, List<Entry> schedules) {
    }

    record Entry(String name, String cron, String flow, List<JobEntry> jobs) {
    }

    record JobEntry(String job, Map<String, String> parameters) {
    }

    /** The business date a firing is for: the day before the fire time's date in the zone. */
    public LocalDate businessDateOf(Date scheduledFireTime) {
        return ZonedDateTime.ofInstant(scheduledFireTime.toInstant(), zone).toLocalDate().minusDays(1);
    }

    /** A fire time as the schedules are written: in their zone, with the weekday (the log reads as schedules.yml does). */
    public String inZone(Date fireTime) {
        return fireTime == null ? "none"
                : java.time.format.DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH)
                .format(ZonedDateTime.ofInstant(fireTime.toInstant(), zone)) + " " + zone.getId();
    }

    public Schedule byName(String name) {
        return schedules.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schedule named " + name + " in jobs/schedules.yml"));
    }

    /**
     * Refuses a schedule that runs the weekly report for a day that is not a week's last day (the
     * rollup's weeks, starting on {@code weekStart}): it would report a week that has just begun.
     * Its next eight firings are looked at, so any cron form is judged by when it really fires.
     */
    public Schedules requireWeeklyReportsOnWeekEnds(Path file, DayOfWeek weekStart) {
        DayOfWeek lastDay = weekStart.minus(1);
        for (Schedule schedule : schedules) {
            if (schedule.steps().stream().noneMatch(step -> step.job().equals("report")
                    && "WEEKLY".equalsIgnoreCase(String.valueOf(step.parameters().get("type")).trim()))) {
                continue;
            }
            for (java.time.LocalDate day : nextBusinessDates(schedule, 8)) {
                DayOfWeek reported = day.getDayOfWeek();
                if (reported != lastDay) {
                    throw new ConfigException(file, ConfigFile.lineHolding(file, schedule.cron(), 0), "schedule '"
                            + schedule.name() + "' runs the weekly report for a " + reported + " (the day before it fires),"
                            + " but weeks start on " + weekStart + " in rollup.yml and end on a " + lastDay
                            + ": make it fire on " + weekStart + "s");
                }
            }
        }
        return requireMonthlyReportsOnMonthEnds(file);
    }

    /** The business dates of a schedule's next {@code count} firings (each the day before it fires). */
    private List<java.time.LocalDate> nextBusinessDates(Schedule schedule, int count) {
        CronExpression cron;
        try {
            cron = new CronExpression(schedule.cron());
        } catch (ParseException e) {
            throw new IllegalStateException(e);  // checked when the file was read
        }
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        List<java.time.LocalDate> dates = new ArrayList<>();
        Date firing = new Date();
        while (dates.size() < count && (firing = cron.getNextValidTimeAfter(firing)) != null) {
            dates.add(businessDateOf(firing));
        }
        return dates;
    }

    /**
     * Refuses a schedule that runs a monthly report (scorecards, funnel) for a day that is not a
     * month's last day: it would report a month that has barely begun, or skip months (a cron on
     * the 31st, or L, fires for the 30th). Its next twelve firings are looked at.
     */
    private Schedules requireMonthlyReportsOnMonthEnds(Path file) {
        for (Schedule schedule : schedules) {
            java.util.Optional<String> monthly = schedule.steps().stream().filter(step -> step.job().equals("report"))
                    .map(step -> String.valueOf(step.parameters().get("type")).trim().toUpperCase(java.util.Locale.ROOT))
                    .filter(type -> type.equals("SCORECARD") || type.equals("FUNNEL")).findFirst();
            if (monthly.isEmpty()) {
                continue;
            }
            for (java.time.LocalDate reported : nextBusinessDates(schedule, 12)) {
                if (reported.getDayOfMonth() != reported.lengthOfMonth()) {
                    throw new ConfigException(file, ConfigFile.lineHolding(file, schedule.cron(), 0), "schedule '"
                            + schedule.name() + "' runs the " + monthly.get() + " report for " + reported
                            + " (the day before it fires), not a month's last day: make it fire on the 1st of each month");
                }
            }
        }
        return this;
    }

    /** Reads the file; {@code companyZone} ({@code kam.time-zone}) is the time zone when the file sets none. */
    public static Schedules load(Path file, ZoneId companyZone) {
        File read = ConfigFile.read(file, File.class, "time-zone, schedules (each: name, cron, flow or jobs (each: job, parameters))");
        ZoneId zone = companyZone;
        if (read.timeZone() != null) {
            try {
                zone = ZoneId.of(read.timeZone().trim());
            } catch (DateTimeException e) {
                throw new ConfigException(file, ConfigFile.lineHolding(file, "time-zone", 0), "unknown time-zone '" + read.timeZone()
                        + "'; use a region id such as Asia/Shanghai");
            }
        }
        if (read.schedules() == null || read.schedules().isEmpty()) {
            throw new ConfigException(file, ConfigFile.lineHolding(file, "schedules", 0), "no schedules: nothing would ever run");
        }
        List<Schedule> schedules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < read.schedules().size(); i++) {
            Schedule schedule = check(file, i, read.schedules().get(i));
            if (!names.add(schedule.name())) {
                throw new ConfigException(file, ConfigFile.lineHolding(file, "name:", i), "schedule name '" + schedule.name()
                        + "' is used twice");
            }
            schedules.add(schedule);
        }
        return new Schedules(zone, List.copyOf(schedules));
    }

    private static Schedule check(Path file, int index, Entry entry) {
        int line = ConfigFile.lineHolding(file, "name:", index);
        if (entry == null || entry.name() == null || !entry.name().matches("[A-Za-z0-9_-]+")) {
            throw new ConfigException(file, line, "schedule " + (index + 1) + ": name is missing or not made of letters,"
                    + " digits, - and _");
        }
        String where = "schedule '" + entry.name() + "': ";
        if (entry.cron() == null || entry.cron().isBlank()) {
            throw new ConfigException(file, line, where + "cron is missing");
        }
        try {
            new CronExpression(entry.cron().trim());
        } catch (ParseException e) {
            throw new ConfigException(file, ConfigFile.lineHolding(file, entry.cron().trim(), 0), where + "bad cron expression '"
                    + entry.cron() + "': " + e.getMessage() + " (fields: second minute hour day-of-month month day-of-week)");
        }
        if ((entry.flow() == null) == (entry.jobs() == null || entry.jobs().isEmpty())) {
            throw new ConfigException(file, line, where + "give either 'flow: nightly' or a list of 'jobs'");
        }
        List<NightlyFlow.Step> steps = new ArrayList<>();
        if (entry.flow() != null) {
            if (!entry.flow().trim().equals("nightly")) {
                throw new ConfigException(file, ConfigFile.lineHolding(file, "flow:", 0), where + "unknown flow '" + entry.flow()
                        + "'; the only flow is nightly");
            }
            NightlyFlow.NIGHT.forEach(job -> steps.add(NightlyFlow.Step.of(job)));
        } else {
            for (JobEntry job : entry.jobs()) {
                if (job == null || job.job() == null || !NightlyFlow.SCHEDULABLE.contains(job.job().trim())) {
                    String name = job == null ? null : job.job();
                    throw new ConfigException(file, name == null ? line : ConfigFile.lineHolding(file, "job: " + name, 0), where
                            + "unknown job '" + name + "'; jobs are " + NightlyFlow.SCHEDULABLE);
                }
                Map<String, String> parameters = job.parameters() == null ? Map.of() : new LinkedHashMap<>(job.parameters());
                String type = parameters.get("type");
                if (type != null && (job.job().trim().equals("report") || job.job().trim().equals("deliver"))) {
                    try {
                        com.kam.pipeline.report.ReportType.parse(type);
                    } catch (IllegalArgumentException e) {
                        // found now, not on the morning it would have run
                        throw new ConfigException(file, ConfigFile.lineHolding(file, type, 0), where + e.getMessage());
                    }
                }
                steps.add(new NightlyFlow.Step(job.job().trim(), parameters));
            }
        }
        return new Schedule(entry.name(), entry.cron().trim(), List.copyOf(steps));
    }
}
