package com.kam.pipeline.system;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A progress line at most every ten seconds (and when the work is done, if it took more than
 * one), so that long work shows it is moving without a line per item. Thread-safe: report
 * entities render on several threads.
 */
public final class ProgressLine {

    private static final long EVERY_NANOS = 10_000_000_000L;

    private final Logger log;
    private final LongSupplier clock;
    private long lastLine;

    public ProgressLine(Logger log) {
        this(log, System::nanoTime);
    }

    ProgressLine(Logger log, LongSupplier clock) {
        this.log = log;
        this.clock = clock;
        this.lastLine = clock.getAsLong();
    }

    /** Logs the line ({@code format} with {@code arguments}, as SLF4J) when ten seconds have passed or {@code done}. */
    public synchronized void step(boolean done, String format, Object... arguments) {
        long now = clock.getAsLong();
        if (now - lastLine >= EVERY_NANOS || done) {
            lastLine = now;
            log.info(format, arguments);
        }
    }
}
