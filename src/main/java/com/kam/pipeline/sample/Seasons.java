package com.kam.pipeline.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How busy sales is by month and weekday: February (Spring Festival) weak, June (half-year
 * close) and Q4, December above all (year-end budgets), strong; Mondays (meetings) and Fridays
 * lighter.
 */
final class Seasons {

    private static final double[] MONTH = {0.95, 0.7, 1.0, 1.0, 1.0, 1.15, 0.95, 0.95, 1.05, 1.1, 1.15, 1.3};

    private Seasons() {
    }

    static double month(LocalDate day) {
        return MONTH[day.getMonthValue() - 1];
    }

    static double weekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return switch (dow) {
            case MONDAY, FRIDAY -> 0.8;
            case SATURDAY, SUNDAY -> 0.9;   // a make-up working weekend day
            default -> 1.05;
        };
    }
}
