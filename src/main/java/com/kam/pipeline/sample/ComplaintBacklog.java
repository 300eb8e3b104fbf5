package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rep's complaints left open at the end of a day: each is resolved a few days later, on the
 * rep's first reported working day on or after its due date, so resolution times are not all
 * zero. Its draws come from a stream of their own, so every other figure of the day stays as it
 * was generated before complaints were carried over.
 */
final class ComplaintBacklog {

    private static final long STREAM = 204;

    private final long seed;
    private final int repIndex;
    /** Open complaints by the date they are due to be resolved. */
    private final TreeMap<LocalDate, Integer> due = new TreeMap<>();

    ComplaintBacklog(long seed, int repIndex) {
        this.seed = seed;
        this.repIndex = repIndex;
    }

    /** Takes out the complaints due by {@code day}: the rep resolves them that day. */
    int resolveDue(LocalDate day) {
        Map<LocalDate, Integer> ripe = due.headMap(day, true);
        int resolved = ripe.values().stream().mapToInt(Integer::intValue).sum();
        ripe.clear();
        return resolved;
    }

    /** Carries {@code open} complaints received on {@code day} over, each due 1 to 7 days later. */
    void carry(LocalDate day, int open) {
        Rng rng = new Rng(seed, STREAM, repIndex, day.toEpochDay());
        for (int i = 0; i < open; i++) {
            due.merge(day.plusDays(rng.between(1, 7)), 1, Integer::sum);
        }
    }
}
