package com.kam.pipeline.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/** Groups sorted dates into runs of consecutive days or consecutive periods, one statement per run. */
final class DateRanges {

    private DateRanges() {
    }

    /** Runs of consecutive days, as {from, to}. */
    static List<LocalDate[]> of(NavigableSet<LocalDate> dates) {
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate d : dates) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1].plusDays(1).equals(d)) {
                runs.get(runs.size() - 1)[1] = d;
            } else {
                runs.add(new LocalDate[] {d, d});
            }
        }
        return runs;
    }

    /** Runs of consecutive periods, as {first period's start, last period's start}. */
    static List<LocalDate[]> ofPeriods(NavigableSet<LocalDate> starts, PeriodType type) {
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate s : starts) {
            if (!runs.isEmpty() && type.endOf(runs.get(runs.size() - 1)[1]).plusDays(1).equals(s)) {
                runs.get(runs.size() - 1)[1] = s;
            } else {
                runs.add(new LocalDate[] {s, s});
            }
        }
        return runs;
    }
}
