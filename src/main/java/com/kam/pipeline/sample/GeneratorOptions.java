package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the sample-data generator should produce: how many reps, which period of daily activity,
 * the random seed (same options = byte-identical files), how often opportunity snapshots are
 * taken, and whether deliberately bad rows are sprinkled in for the rejects demo.
 */
public record GeneratorOptions(int reps, LocalDate start, LocalDate end, long seed, int snapshotEveryDays,
        boolean badRows) {

    public GeneratorOptions {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (reps < 1) {
            throw new IllegalArgumentException("--reps must be at least 1, was " + reps);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the end " + end + " is before --start " + start);
        }
        if (snapshotEveryDays < 1) {
            throw new IllegalArgumentException("--snapshot-every must be at least 1, was " + snapshotEveryDays);
        }
    }

    /** The committed demo set under {@code sample-data/}: 30 reps, April to October 2026. */
    public static GeneratorOptions sample() {
        return new GeneratorOptions(30, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 31), 20260401L, 7, true);
    }
}
