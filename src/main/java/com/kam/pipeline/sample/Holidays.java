package com.kam.pipeline.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese public holidays and the make-up working weekend days (调休) that go with them, as the
 * State Council published them for 2025 and 2026. For other years only the fixed-date holidays
 * (元旦, 劳动节 1-3 May, 国庆 1-7 Oct) are known here; the lunar ones are not guessed.
 */
final class Holidays {

    private static final Set<LocalDate> DAYS_OFF = new HashSet<>();
    private static final Set<LocalDate> MAKE_UP_WORKDAYS = new HashSet<>();
    private static final Set<Integer> YEARS_IN_TABLE = Set.of(2025, 2026);
    private static final List<MonthDay> FIXED_FALLBACK = List.of(MonthDay.of(1, 1),
            MonthDay.of(5, 1), MonthDay.of(5, 2), MonthDay.of(5, 3),
            MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3), MonthDay.of(10, 4),
            MonthDay.of(10, 5), MonthDay.of(10, 6), MonthDay.of(10, 7));

    static {
        // 2025 (国办发明电〔2024〕12号)
        off("2025-01-01", "2025-01-01");                // 元旦
        off("2025-01-28", "2025-02-04");                // 春节
        work("2025-01-26", "2025-02-08");
        off("2025-04-04", "2025-04-06");                // 清明节
        off("2025-05-01", "2025-05-05");                // 劳动节
        work("2025-04-27");
        off("2025-05-31", "2025-06-02");                // 端午节
        off("2025-10-01", "2025-10-08");                // 国庆节、中秋节
        work("2025-09-28", "2025-10-11");
        // 2026 (国务院办公厅 2025-11-04)
        off("2026-01-01", "2026-01-03");                // 元旦
        work("2026-01-04");
        off("2026-02-15", "2026-02-23");                // 春节
        work("2026-02-14", "2026-02-28");
        off("2026-04-04", "2026-04-06");                // 清明节
        off("2026-05-01", "2026-05-05");                // 劳动节
        work("2026-05-09");
        off("2026-06-19", "2026-06-21");                // 端午节
        off("2026-09-25", "2026-09-27");                // 中秋节
        off("2026-10-01", "2026-10-07");                // 国庆节
        work("2026-09-20", "2026-10-10");
    }

    private Holidays() {
    }

    private static void off(String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            DAYS_OFF.add(d);
        }
    }

    private static void work(String... days) {
        for (String day : days) {
            MAKE_UP_WORKDAYS.add(LocalDate.parse(day));
        }
    }

    /** A day of a public holiday break (including the weekend days inside the break). */
    static boolean isPublicHoliday(LocalDate day) {
        if (YEARS_IN_TABLE.contains(day.getYear())) {
            return DAYS_OFF.contains(day);
        }
        return FIXED_FALLBACK.contains(MonthDay.from(day));
    }

    /** A make-up Saturday or Sunday on which offices work. */
    static boolean isMakeUpWorkday(LocalDate day) {
        return MAKE_UP_WORKDAYS.contains(day);
    }

    static boolean isWorkingDay(LocalDate day) {
        if (isMakeUpWorkday(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(day);
    }
}
