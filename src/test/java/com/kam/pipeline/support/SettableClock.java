package com.kam.pipeline.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets (the company's "now", see {@code CompanyClock}); the system clock until set
 * and after {@link #reset()}. Its zone views share the time set, as {@code CompanyClock} takes one.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> fixed;
    private final ZoneId zone;

    public SettableClock() {
        this(new AtomicReference<>(), ZoneId.of("UTC"));
    }

    private SettableClock(AtomicReference<Instant> fixed, ZoneId zone) {
        this.fixed = fixed;
        this.zone = zone;
    }

    /** Sets the time to a local date and time in a zone. */
    public void set(LocalDateTime local, ZoneId in) {
        set(local.atZone(in).toInstant());
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Back to the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(fixed, other);
    }

    @Override
    public Instant instant() {
        Instant set = fixed.get();
        return set != null ? set : Instant.now();
    }
}
