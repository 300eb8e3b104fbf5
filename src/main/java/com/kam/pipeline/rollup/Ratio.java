package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for figures: money to 2 decimals and rates to 4, half up; a rate whose
 * denominator is zero (or missing) is empty, not zero. Used by SQL statements and by Java code
 * alike, so a rate means the same wherever it is computed.
 */
public final class Ratio {

    public static final int MONEY_SCALE = 2;
    public static final int RATE_SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Ratio() {
    }

    /** SQL for {@code numerator / denominator} rounded to {@code scale}, NULL when the denominator is 0. */
    static String sql(String numerator, String denominator, int scale) {
        return "CASE WHEN (" + denominator + ") IS NULL OR (" + denominator + ") = 0 THEN NULL ELSE ROUND(CAST(("
                + numerator + ") AS DECIMAL(30,10)) / (" + denominator + "), " + scale + ") END";
    }

    static String rate(String numerator, String denominator) {
        return sql(numerator, denominator, RATE_SCALE);
    }


    /** {@code numerator / denominator} rounded to {@code scale}; null when the denominator is 0 or null. */
    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator, int scale) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, scale, ROUNDING);
    }

    public static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
        return of(numerator, denominator, RATE_SCALE);
    }

    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(MONEY_SCALE, ROUNDING);
    }

    /** A stored amount (two decimals) in cents: sums of cents stay exact in a long. */
    static long cents(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** Cents back as an amount with two decimals. */
    static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, MONEY_SCALE);
    }
}
