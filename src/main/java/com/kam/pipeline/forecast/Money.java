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
}
