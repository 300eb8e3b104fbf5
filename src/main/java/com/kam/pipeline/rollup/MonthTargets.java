package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reps' targets of one month, and the one rule for spreading them: evenly over the working
 * days each rep is assigned in the month. The rep-days carry these shares, and next week's
 * targets are the shares of its days, so both spread a target alike.
 */
final class MonthTargets {

    /** Indexes of the targets, in the order read: sales, margin, collections, new customers, visits. */
    static final int SALES = 0;
    static final int COLLECTIONS = 2;

    private static final BigDecimal ZERO_SHARE = BigDecimal.ZERO.setScale(PeriodFigures.SHARE_SCALE);

    /** By rep: sales, margin, collections, new customers, visits (each may be missing). */
    private final Map<String, BigDecimal[]> targets;
    /** By rep: the working days assigned in the month. */
    private final Map<String, Integer> workingDays;

    private MonthTargets(Map<String, BigDecimal[]> targets, Map<String, Integer> workingDays) {
        this.targets = targets;
        this.workingDays = workingDays;
    }

    /** The month's targets, spread over the days {@code working} says are working days. */
    static MonthTargets read(JdbcTemplate jdbc, LocalDate month, List<RepAssignment> assignments, Predicate<LocalDate> working) {
        Map<String, BigDecimal[]> targets = new HashMap<>();
        jdbc.query("SELECT rep_id, sales_target, margin_target, collection_target, new_customer_target, visit_target"
                + " FROM sales_target WHERE month_start = ?", rs -> {
            BigDecimal[] values = new BigDecimal[PeriodFigures.TARGETS];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getBigDecimal(2 + i);
            }
            targets.put(rs.getString(1), values);
        }, Date.valueOf(month));
        return new MonthTargets(targets, RepAssignment.workingDays(assignments, month,
                month.withDayOfMonth(month.lengthOfMonth()), working));
    }

    boolean has(String rep) {
        return targets.containsKey(rep);
    }

    /** The rep's target {@code i} ({@link #SALES}, {@link #COLLECTIONS}, ...); null when none. */
    BigDecimal target(String rep, int i) {
        BigDecimal[] values = targets.get(rep);
        return values == null ? null : values[i];
    }

    /**
     * A working day's share of the rep's target {@code i}, at {@link PeriodFigures#SHARE_SCALE}
     * decimals (not rounded to cents), so that the month's shares sum back to the target; zero on
     * other days and without a target.
     */
    BigDecimal share(String rep, int i, boolean working) {
        return spread(target(rep, i), working ? workingDays.getOrDefault(rep, 0) : 0);
    }

    /** {@code amount} spread evenly over {@code days} days: one day's part, at the share scale; zero without days. */
    static BigDecimal spread(BigDecimal amount, int days) {
        if (amount == null || days == 0) {
            return ZERO_SHARE;
        }
        return amount.divide(BigDecimal.valueOf(days), PeriodFigures.SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
