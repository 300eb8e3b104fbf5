package com.kam.pipeline.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Today in the company's time zone ({@code kam.time-zone}), and the one rule on business dates
 * that follows from it: a night is run for a day that has ended, so today and later dates are
 * refused unless run on purpose as a trial ({@code --allow-future-date}, see {@link JobRunner}).
 * The system clock unless the context holds a {@link Clock} bean (tests set the time with one).
 */
@Component
public class CompanyClock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final KamProperties properties;

    @org.springframework.beans.factory.annotation.Autowired
    public CompanyClock(KamProperties properties, ObjectProvider<Clock> clock) {
        this(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    public CompanyClock(KamProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock.withZone(properties.zone());
    }

    public java.time.ZoneId zone() {
        return properties.zone();
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    /** Whether the day is over in the company's time zone, so that its night may run. */
    public boolean hasEnded(LocalDate day) {
        return day.isBefore(today());
    }

    /**
     * Why {@code option}'s date may not run yet, for a date that has not ended, and what
     * {@code --allow-future-date} does instead.
     */
    public String notEnded(String option, LocalDate date) {
        return whyNotYet(option, date) + ". Pass --allow-future-date to run it anyway, as a trial: not recorded as the night"
                + " of " + date + " (which still runs once the day has ended), and mailing nothing";
    }

    /** Why {@code what}'s date, which has not ended, may not run yet. */
    public String whyNotYet(String what, LocalDate date) {
        LocalDateTime now = now();
        String when = date.equals(now.toLocalDate())
                ? String.format("%s %s is today (%s in %s)", what, date, TIME.format(now), zone())
                : String.format("%s %s is after today (%s in %s)", what, date, now.toLocalDate(), zone());
        return when + ": a night is run for a day that has ended";
    }
}
