package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The resolution-time rule on its own: first in, first out, per rep. */
class ComplaintAgesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void resolutionsCloseTheOldestComplaintsFirst() {
        ComplaintAges ages = new ComplaintAges();
        // 2 on Monday, 1 on Tuesday; Monday resolves 1 (0 days), Wednesday 2: Monday's (2) and Tuesday's (1)
        assertThat(ages.add(MONDAY, 2, 1)).isEqualTo(new ComplaintAges.Day(0, 1));
        assertThat(ages.add(MONDAY.plusDays(1), 1, 0)).isEqualTo(ComplaintAges.Day.NONE);
        assertThat(ages.add(MONDAY.plusDays(2), 0, 2)).isEqualTo(new ComplaintAges.Day(3, 2));
        assertThat(ages.open()).isZero();
    }

    @Test
    void theComplaintsOpenAreThoseReceivedAndNotYetResolvedNeverBelowNone() {
        ComplaintAges ages = new ComplaintAges();
        ages.add(MONDAY, 3, 1);
        assertThat(ages.open()).isEqualTo(2);
        // one resolved beyond those on record: none open, and the next one received is already resolved
        ages.add(MONDAY.plusDays(1), 0, 3);
        assertThat(ages.open()).isZero();
        ages.add(MONDAY.plusDays(2), 2, 0);
        assertThat(ages.open()).isEqualTo(1);
    }

    @Test
    void aResolutionWithNoComplaintOnRecordIsNotTimedAndUsesUpItsNumber() {
        ComplaintAges ages = new ComplaintAges();
        // resolution 1 before any complaint; complaints 1 and 2 on Tuesday; resolution 2 on Thursday
        // matches complaint 2 (2 days), complaint 1 is never timed
        assertThat(ages.add(MONDAY, 0, 1)).isEqualTo(ComplaintAges.Day.NONE);
        assertThat(ages.add(MONDAY.plusDays(1), 2, 0)).isEqualTo(ComplaintAges.Day.NONE);
        assertThat(ages.add(MONDAY.plusDays(3), 0, 1)).isEqualTo(new ComplaintAges.Day(2, 1));
        assertThat(ages.add(MONDAY.plusDays(4), 0, 1)).isEqualTo(ComplaintAges.Day.NONE);
    }

    @Test
    void aDaysComplaintsCountBeforeItsResolutions() {
        ComplaintAges ages = new ComplaintAges();
        // more resolved than received: the one received is timed (0 days), the other is not
        assertThat(ages.add(MONDAY, 1, 2)).isEqualTo(new ComplaintAges.Day(0, 1));
    }
}
