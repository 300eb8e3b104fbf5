package com.kam.pipeline.rollup;

import java.math.BigDecimal;

/**
 * An exact quotient of two decimals. A figure computed from others (an appraisal item's points
 * from its attainment and rescaled weight, the score from the points) is carried as a fraction
 * and rounded once, by {@link Ratio}, where it is stored or shown: rounding each step would let
 * a perfect score fall to 99.99 and a score of exactly 80 to 79.99.
 */
record Fraction(BigDecimal numerator, BigDecimal denominator) {

    static final Fraction ZERO = whole(BigDecimal.ZERO);

    /** The denominator is kept positive, so that fractions compare by cross-multiplying. */
    Fraction {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("a fraction's denominator cannot be 0");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
    }

    /** {@code numerator / denominator}; null when either is missing or the denominator is 0 (as {@link Ratio#of}). */
    static Fraction of(BigDecimal numerator, BigDecimal denominator) {
        return numerator == null || denominator == null || denominator.signum() == 0 ? null : new Fraction(numerator, denominator);
    }

    static Fraction whole(BigDecimal value) {
        return new Fraction(value, BigDecimal.ONE);
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    Fraction min(Fraction other) {
        return compareTo(other) <= 0 ? this : other;
    }

    Fraction max(Fraction other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The value rounded to {@code scale} decimals by the one rounding rule. */
    BigDecimal rounded(int scale) {
        return Ratio.of(numerator, denominator, scale);
    }
}
