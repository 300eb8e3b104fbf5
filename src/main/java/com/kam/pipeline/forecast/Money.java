package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule of the forecasts: amounts to cents, half up, rounded once when stored. */
final class Money {

    private Money() {
    }

    static BigDecimal of(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A rate for DECIMAL(9,4) / DECIMAL(12,4) columns; null when undefined. */
    static BigDecimal rate(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP) : null;
    }

    static BigDecimal days(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP) : null;
    }

    /**
     * A number of deals needed: a whole number, rounded up (3.4 deals needed is 4: a fraction of a deal cannot be won).
     * The quotient is first taken to 6 decimals, so that floating-point noise on an exact division (4.0000000001)
     * does not add a deal. Null when undefined.
     */
    static BigDecimal deals(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.CEILING) : null;
    }
}
