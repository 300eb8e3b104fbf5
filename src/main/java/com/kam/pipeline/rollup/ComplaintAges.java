package com.kam.pipeline.rollup;

import java.time.LocalDate;
import java.util.ArrayDeque;

/**
 * Complaint resolution time, defined once, first in, first out per rep. The rep's k-th complaint
 * ever received (by report date) was received on the first date the rep's cumulative received
 * count reaches k; the rep's j-th resolution resolves complaint j, and its resolution time is the
 * date of resolution j less the date complaint j was received, in days (0: the same day). A
 * resolution with no complaint j on record yet (j greater than the complaints received so far, say
 * one received before the history starts) counts as resolved but is not timed; its number j is
 * used up all the same, so complaint j, once received, is never timed.
 * <p>
 * The complaints open at a moment are those received and not yet resolved; a resolution with no
 * complaint on record leaves none open below zero. The resolution rate of a period counts them
 * as part of what it had to handle ({@link PeriodFigures}).
 * <p>
 * One instance follows one rep: feed it the rep's days in date order (days without complaints may
 * be left out: they change nothing). What it holds after a day ({@link #openReceived},
 * {@link #resolvedAhead}) is kept with that day, so a later run carries on from it ({@link #resumed})
 * instead of replaying the rep's whole history.
 */
final class ComplaintAges {

    /** The resolution time of one day's resolutions: days summed over those timed, and how many were. */
    record Day(long days, long timed) {
        static final Day NONE = new Day(0, 0);
    }

    /** Complaints received and not yet resolved, oldest first: {epoch day received, how many}. */
    private final ArrayDeque<long[]> open = new ArrayDeque<>();
    /** Resolutions beyond the complaints received so far: the next this many received are already resolved. */
    private long resolvedAhead;
    /** The counts in {@link #open}, summed. */
    private long openCount;

    /**
     * Carries on from what an instance held after a day: {@code openReceived} as {@link #openReceived}
     * wrote it (null for none).
     */
    static ComplaintAges resumed(long resolvedAhead, String openReceived) {
        ComplaintAges ages = new ComplaintAges();
        ages.resolvedAhead = resolvedAhead;
        if (openReceived != null && !openReceived.isEmpty()) {
            for (String part : openReceived.split(",")) {
                int colon = part.indexOf(':');
                long count = Long.parseLong(part.substring(colon + 1));
                ages.open.addLast(new long[] {LocalDate.parse(part.substring(0, colon)).toEpochDay(), count});
                ages.openCount += count;
            }
        }
        return ages;
    }

    /** The open complaints by the day they were received, oldest first ({@code 2026-10-01:2,2026-10-05:1}); null for none. */
    String openReceived() {
        if (open.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (long[] received : open) {
            text.append(text.length() == 0 ? "" : ",").append(LocalDate.ofEpochDay(received[0])).append(':').append(received[1]);
        }
        return text.toString();
    }

    /** Resolutions beyond the complaints received so far (the next this many received are already resolved). */
    long resolvedAhead() {
        return resolvedAhead;
    }

    /** Complaints received and not yet resolved, after the days added so far. */
    long open() {
        return openCount;
    }

    /** Adds a day's counts (the complaints received that day count before its resolutions); returns its resolution time. */
    Day add(LocalDate date, long received, long resolved) {
        long fresh = received;
        long settled = Math.min(fresh, resolvedAhead);
        resolvedAhead -= settled;
        fresh -= settled;
        if (fresh > 0) {
            open.addLast(new long[] {date.toEpochDay(), fresh});
            openCount += fresh;
        }
        long days = 0;
        long timed = 0;
        long left = resolved;
        while (left > 0 && !open.isEmpty()) {
            long[] oldest = open.peekFirst();
            long n = Math.min(left, oldest[1]);
            days += n * (date.toEpochDay() - oldest[0]);
            timed += n;
            left -= n;
            openCount -= n;
            oldest[1] -= n;
            if (oldest[1] == 0) {
                open.removeFirst();
            }
        }
        resolvedAhead += left;
        return timed == 0 ? Day.NONE : new Day(days, timed);
    }
}
