package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The whole-number form of the rounding rule gives exactly what the BigDecimal form gives. */
class RatioTest {

    @Test
    void halvesRoundAwayFromZeroInBothForms() {
        assertThat(Ratio.of(1, 8, 2)).isEqualTo(new BigDecimal("0.13"));      // 0.125
        assertThat(Ratio.of(-1, 8, 2)).isEqualTo(new BigDecimal("-0.13"));
        assertThat(Ratio.of(1, -8, 2)).isEqualTo(new BigDecimal("-0.13"));
        assertThat(Ratio.rate(1, 3)).isEqualTo(new BigDecimal("0.3333"));
        assertThat(Ratio.rate(2, 3)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(Ratio.rate(0, 5)).isEqualTo(new BigDecimal("0.0000"));
        assertThat(Ratio.rate(3, 0)).isNull();
    }

    @Test
    void anAmountInCentsSharedOverACountIsRoundedToTheCent() {
        assertThat(Ratio.perCount(1000, 3)).isEqualTo(new BigDecimal("3.33"));   // 10.00 / 3
        assertThat(Ratio.perCount(1000, 6)).isEqualTo(new BigDecimal("1.67"));   // 1.6666..
        assertThat(Ratio.perCount(5, 2)).isEqualTo(new BigDecimal("0.03"));      // 0.025
        assertThat(Ratio.perCount(5, 0)).isNull();
    }

    @Test
    void theWholeNumberFormEqualsTheBigDecimalFormEverywhere() {
        Random random = new Random(20261128);
        long[] edges = {0, 1, -1, 2, 7, 99, 100, 10_000, Long.MAX_VALUE / 3, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE};
        for (long n : edges) {
            for (long d : edges) {
                for (int scale = 0; scale <= 4; scale++) {
                    assertSame(n, d, scale);
                }
            }
        }
        for (int i = 0; i < 200_000; i++) {
            long n = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2_000_001) - 1_000_000;
            long d = random.nextInt(3) == 0 ? random.nextInt(41) - 20 : random.nextInt(20_001) - 10_000;
            assertSame(n, d, random.nextInt(5));
        }
    }

    private static void assertSame(long n, long d, int scale) {
        assertThat(Ratio.of(n, d, scale)).as(n + " / " + d + " at " + scale)
                .isEqualTo(Ratio.of(BigDecimal.valueOf(n), BigDecimal.valueOf(d), scale));
    }

    @Test
    void aChangeIsARateOfItsBaseAndEmptyWithoutOne() {
        // 52,000 against a mean of 30,000: 73.33 % up; a fall is negative; no base, no change
        assertThat(Ratio.change(new BigDecimal("52000.00"), new BigDecimal("30000.00"))).isEqualTo(new BigDecimal("0.7333"));
        assertThat(Ratio.change(new BigDecimal("1000.00"), new BigDecimal("3000.00"))).isEqualTo(new BigDecimal("-0.6667"));
        assertThat(Ratio.change(new BigDecimal("5.00"), BigDecimal.ZERO)).isNull();
        assertThat(Ratio.change(new BigDecimal("5.00"), null)).isNull();
    }
}
