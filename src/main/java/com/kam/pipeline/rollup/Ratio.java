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

    /**
     * {@code numerator / denominator} of two whole numbers, rounded to {@code scale} by the same
     * rule (the same value as the BigDecimal form, computed without allocating on the way); null
     * when the denominator is 0.
     */
    static BigDecimal of(long numerator, long denominator, int scale) {
        if (denominator == 0) {
            return null;
        }
        if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
            return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), scale);
        }
        long n;
        try {
            n = Math.multiplyExact(Math.abs(numerator), POWERS_OF_TEN[scale]);
            Math.multiplyExact(n, 2L);
        } catch (ArithmeticException tooLarge) {
            return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), scale);
        }
        long d = Math.abs(denominator);
        long quotient = n / d;
        // half up: away from zero when the remainder is at least half the denominator
        if (2 * (n % d) >= d) {
            quotient++;
        }
        boolean negative = (numerator < 0) != (denominator < 0);
        return BigDecimal.valueOf(negative ? -quotient : quotient, scale);
    }

    /** A rate of two whole numbers: {@code of(numerator, denominator, RATE_SCALE)}. */
    static BigDecimal rate(long numerator, long denominator) {
        return of(numerator, denominator, RATE_SCALE);
    }

    /** An amount in cents shared over a count (cost per visit, say), to the cent; null when the count is 0. */
    static BigDecimal perCount(long cents, long count) {
        return of(cents, Math.multiplyExact(count, 100L), MONEY_SCALE);
    }

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L};

    public static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
        return of(numerator, denominator, RATE_SCALE);
    }

    /**
     * How far {@code value} is from {@code base}, as a rate of the base (growth, a week's
     * departure from its recent mean); null when the base is 0 or null.
     */
    public static BigDecimal change(BigDecimal value, BigDecimal base) {
        return base == null ? null : rate(value.subtract(base), base);
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
