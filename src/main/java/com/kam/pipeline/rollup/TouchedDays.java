package com.kam.pipeline.rollup;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dates a night recomputes and, for each, whether its rows may have changed every rep's
 * figures (a new day, a target, a changed deadline) or only those of some reps (a late or
 * corrected report: the reps the file has lines for, and the reps whose rep-day came out
 * different). A month whose earlier days changed only some reps' figures starts from the sums
 * kept for the others.
 */
final class TouchedDays {

    private final NavigableSet<LocalDate> dates = new TreeSet<>();
    private final Set<LocalDate> everyRep = new HashSet<>();
    private final Map<LocalDate, Set<String>> someReps = new HashMap<>();

    /** The touched dates, in order; removing one removes it from the night. */
    NavigableSet<LocalDate> dates() {
        return dates;
    }

    /** A date whose rows may change any rep's figures. */
    void everyRep(LocalDate date) {
        dates.add(date);
        everyRep.add(date);
        someReps.remove(date);
    }

    /** A date whose rows may change the figures of these reps only (none yet: another check adds them). */
    void reps(LocalDate date, Collection<String> reps) {
        dates.add(date);
        if (!everyRep.contains(date)) {
            someReps.computeIfAbsent(date, d -> new HashSet<>()).addAll(reps);
        }
    }

    /**
     * The reps whose figures the touched dates of {@code from..to} may change; null when one of
     * them may change every rep's.
     */
    Set<String> repsBetween(LocalDate from, LocalDate to) {
        Set<String> reps = new HashSet<>();
        for (LocalDate date : dates.subSet(from, true, to, true)) {
            Set<String> some = someReps.get(date);
            if (some == null) {
                return null;
            }
            reps.addAll(some);
        }
        return reps;
    }
}
