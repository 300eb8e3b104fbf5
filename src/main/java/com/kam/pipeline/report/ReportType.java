package com.kam.pipeline.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The four reports, their template, and the rule that says when each is due: the digest every
 * day, the weekly report on the last day of a week (the rollup's week, {@code week-start} in
 * rollup.yml: by default Monday..Sunday, read on Monday morning), the monthly scorecards and
 * funnel reports on the last day of a month.
 */
public enum ReportType {
    SCORECARD("rep-scorecard.jrxml"),
    WEEKLY("team-weekly.jrxml"),
    FUNNEL("funnel-forecast.jrxml"),
    DIGEST("team-digest.jrxml");

    private final String template;

    ReportType(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** The folder under {@code out/<date>/reports/}. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period of this report that contains the given date, for weeks starting on {@code weekStart}. */
    public ReportPeriod periodContaining(LocalDate date, DayOfWeek weekStart) {
        return switch (this) {
            case DIGEST -> new ReportPeriod(date, date);
            case WEEKLY -> {
                LocalDate first = date.with(TemporalAdjusters.previousOrSame(weekStart));
                yield new ReportPeriod(first, first.plusDays(6));
            }
            case SCORECARD, FUNNEL -> new ReportPeriod(date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** Whether the nightly run for this business date produces this report (its period ends that day). */
    public boolean dueOn(LocalDate businessDate, DayOfWeek weekStart) {
        return periodContaining(businessDate, weekStart).end().equals(businessDate);
    }

    /** The reports a run for the date produces: the due ones, or only the forced type. */
    public static List<ReportType> forRun(LocalDate businessDate, ReportType forced, DayOfWeek weekStart) {
        if (forced != null) {
            return List.of(forced);
        }
        return Arrays.stream(values()).filter(type -> type.dueOn(businessDate, weekStart)).toList();
    }

    /** Parses a --type value case-insensitively, naming the valid ones when it is not one. */
    public static ReportType parse(String text) {
        for (ReportType type : values()) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown report type '" + text + "'; one of " + Arrays.toString(values()));
    }
}
