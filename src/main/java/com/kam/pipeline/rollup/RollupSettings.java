package com.kam.pipeline.rollup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kam.pipeline.system.ConfigFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code jobs/rollup.yml}, checked: how the rollup job counts working days, deadlines and warnings. */
public record RollupSettings(
        DayOfWeek weekStart,
        Set<DayOfWeek> workingDays,
        Map<LocalDate, String> holidays,
        Set<LocalDate> makeUpWorkingDays,
        LocalTime reportDeadline,
        int reportDeadlineDaysAfter,
        Map<String, Integer> visitFrequency,
        Set<String> abnormalClasses,
        Map<String, Integer> maxDaysWithoutVisit,
        BigDecimal ordersDownShare,
        int ordersDownActiveBlocks,
        int historyWeeks,
        int minHistoryWeeks,
        Map<String, BigDecimal> departureShare,
        BigDecimal expenseBudgetShare) {

    static final String FILE = "rollup.yml";

    /** Whether a daily report is due on this day. */
    public boolean workingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return workingDays.contains(day.getDayOfWeek()) && !holidays.containsKey(day);
    }

    public static RollupSettings load(Path jobsDirectory) {
        Path file = jobsDirectory.resolve(FILE);
        Raw raw = ConfigFile.read(file, Raw.class, "week-start, working-days, holidays, make-up-working-days,"
                + " report-deadline, report-deadline-days-after, visit-frequency, abnormal-customers, warnings");
        Checker c = new Checker(file);
        DayOfWeek weekStart = c.day("week-start", raw.weekStart == null ? "MONDAY" : raw.weekStart);
        Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
        for (String d : c.required("working-days", raw.workingDays)) {
            working.add(c.day("working-days", d));
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        if (raw.holidays != null) {
            raw.holidays.forEach((day, name) -> holidays.put(c.date("holidays", day), name));
        }
        Set<LocalDate> makeUp = new TreeSet<>();
        if (raw.makeUpWorkingDays != null) {
            raw.makeUpWorkingDays.forEach(d -> makeUp.add(c.makeUpDay(c.date("make-up-working-days", d), working, holidays)));
        }
        LocalTime deadline;
        try {
            deadline = LocalTime.parse(c.required("report-deadline", raw.reportDeadline));
        } catch (DateTimeParseException e) {
            throw ConfigFile.error(file, "report-deadline", "report-deadline must be a time like 21:00, not '" + raw.reportDeadline + "'");
        }
        Map<String, Integer> frequency = c.classes("visit-frequency", c.required("visit-frequency", raw.visitFrequency));
        Abnormal abnormal = c.required("abnormal-customers", raw.abnormalCustomers);
        Set<String> abnormalClasses = new TreeSet<>(c.required("classes", abnormal.classes));
        Map<String, Integer> maxDays = c.classes("max-days-without-visit",
                c.required("max-days-without-visit", abnormal.maxDaysWithoutVisit));
        c.eachHasMaxDays(abnormalClasses, maxDays);
        Warnings warnings = c.required("warnings", raw.warnings);
        int historyWeeks = c.positive("history-weeks", warnings.historyWeeks);
        int minHistoryWeeks = c.positive("min-history-weeks", warnings.minHistoryWeeks);
        if (minHistoryWeeks > historyWeeks) {
            throw ConfigFile.error(file, "min-history-weeks", "min-history-weeks (" + minHistoryWeeks + ") must not exceed"
                    + " history-weeks (" + historyWeeks + "): no week could ever be warned about");
        }
        return new RollupSettings(weekStart, working, holidays, makeUp, deadline,
                c.nonNegative("report-deadline-days-after", raw.reportDeadlineDaysAfter == null ? 0 : raw.reportDeadlineDaysAfter),
                frequency, abnormalClasses, maxDays,
                c.belowOne("orders-down-share", abnormal.ordersDownShare),
                c.blocks("orders-down-active-blocks", abnormal.ordersDownActiveBlocks),
                historyWeeks, minHistoryWeeks,
                c.departures(c.required("departure-share", warnings.departureShare)),
                c.share("expense-budget-share", warnings.expenseBudgetShare));
    }

    /** The file as written. */
    record Raw(
            @JsonProperty("week-start") String weekStart,
            @JsonProperty("working-days") List<String> workingDays,
            Map<String, String> holidays,
            @JsonProperty("make-up-working-days") List<String> makeUpWorkingDays,
            @JsonProperty("report-deadline") String reportDeadline,
            @JsonProperty("report-deadline-days-after") Integer reportDeadlineDaysAfter,
            @JsonProperty("visit-frequency") Map<String, Integer> visitFrequency,
            @JsonProperty("abnormal-customers") Abnormal abnormalCustomers,
            Warnings warnings) {
    }

    record Abnormal(List<String> classes,
                    @JsonProperty("max-days-without-visit") Map<String, Integer> maxDaysWithoutVisit,
                    @JsonProperty("orders-down-share") BigDecimal ordersDownShare,
                    @JsonProperty("orders-down-active-blocks") Integer ordersDownActiveBlocks) {
    }

    record Warnings(@JsonProperty("history-weeks") Integer historyWeeks,
                    @JsonProperty("min-history-weeks") Integer minHistoryWeeks,
                    @JsonProperty("departure-share") Map<String, BigDecimal> departureShare,
                    @JsonProperty("expense-budget-share") BigDecimal expenseBudgetShare) {
    }

    private record Checker(Path file) {

        /** The A/B/C classes customers are ranked in. */
        private static final Set<String> ABC = Set.of("A", "B", "C");

        <T> T required(String key, T value) {
            if (value == null) {
                throw ConfigFile.error(file, key, "'" + key + "' is required");
            }
            return value;
        }

        DayOfWeek day(String key, String value) {
            try {
                return DayOfWeek.valueOf(value.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ConfigFile.error(file, key, key + ": '" + value + "' is not a day of the week (MONDAY .. SUNDAY)");
            }
        }

        LocalDate date(String key, String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ConfigFile.error(file, key, key + ": '" + value + "' is not a date like 2026-10-01");
            }
        }

        /**
         * A make-up working day is a day off worked instead of a holiday: neither one of the
         * working days already nor itself a holiday (either would be a mistyped date).
         */
        LocalDate makeUpDay(LocalDate day, Set<DayOfWeek> working, Map<LocalDate, String> holidays) {
            if (holidays.containsKey(day)) {
                throw ConfigFile.error(file, "make-up-working-days", "make-up-working-days: " + day + " is also listed as a"
                        + " holiday (" + holidays.get(day) + "); a day is one or the other");
            }
            if (working.contains(day.getDayOfWeek())) {
                throw ConfigFile.error(file, "make-up-working-days", "make-up-working-days: " + day + " is a "
                        + day.getDayOfWeek() + ", a working day already; a make-up working day is a day off worked instead");
            }
            return day;
        }

        /** Every class the abnormal-customer list covers needs its longest time without a visit. */
        void eachHasMaxDays(Set<String> abnormalClasses, Map<String, Integer> maxDays) {
            for (String abc : abnormalClasses) {
                if (!ABC.contains(abc)) {
                    throw ConfigFile.error(file, "classes", "abnormal-customers: class '" + abc + "' is not one of A, B, C");
                }
                if (!maxDays.containsKey(abc)) {
                    throw ConfigFile.error(file, "max-days-without-visit", "max-days-without-visit: no value for class " + abc
                            + ", which abnormal-customers lists");
                }
            }
        }

        Map<String, Integer> classes(String key, Map<String, Integer> values) {
            Map<String, Integer> checked = new LinkedHashMap<>();
            values.forEach((abc, n) -> {
                if (!ABC.contains(abc) || n == null || n < 0) {
                    throw ConfigFile.error(file, key, key + ": expected a count of at least 0 for each of A, B, C; got "
                            + abc + ": " + n);
                }
                checked.put(abc, n);
            });
            return checked;
        }

        int positive(String key, Integer value) {
            if (value == null || value < 1) {
                throw ConfigFile.error(file, key, key + " must be a whole number of at least 1");
            }
            return value;
        }

        /** Of the three 4-week blocks before the last 4 weeks; 1 (any order in them) when not given. */
        int blocks(String key, Integer value) {
            if (value == null) {
                return 1;
            }
            if (value < 1 || value > 3) {
                throw ConfigFile.error(file, key, key + " must be 1, 2 or 3 (of the three 4-week blocks before the last 4"
                        + " weeks), not " + value);
            }
            return value;
        }

        int nonNegative(String key, int value) {
            if (value < 0) {
                throw ConfigFile.error(file, key, key + " must not be negative");
            }
            return value;
        }

        Map<String, BigDecimal> departures(Map<String, BigDecimal> values) {
            Map<String, BigDecimal> checked = new LinkedHashMap<>();
            values.forEach((measure, share) -> {
                if (!Set.of("orders", "visits", "expenses").contains(measure)) {
                    throw ConfigFile.error(file, "departure-share", "departure-share: '" + measure
                            + "' is not a weekly measure; use orders, visits, expenses");
                }
                checked.put(measure, share("departure-share", share));
            });
            return checked;
        }

        /** A share strictly between 0 and 1, such as "below half". */
        BigDecimal belowOne(String key, BigDecimal value) {
            if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
                throw ConfigFile.error(file, key, key + " must be between 0 and 1 (0.5: below half), not "
                        + (value == null ? "empty" : value.toPlainString()));
            }
            return value;
        }

        BigDecimal share(String key, BigDecimal value) {
            if (value == null || value.signum() < 0) {
                throw ConfigFile.error(file, key, key + " must be a share such as 0.5");
            }
            return value;
        }
    }
}
