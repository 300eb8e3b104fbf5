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

    @Test
    void carryingOnFromWhatIsKeptAfterAnyDayGivesTheSameAsReplayingEveryDay() {
        // {day offset, received, resolved}: a resolution ahead of any complaint, complaints open over
        // several days, a day resolving across two days' complaints
        long[][] days = {{0, 0, 1}, {1, 2, 0}, {2, 3, 1}, {4, 0, 2}, {5, 1, 0}, {8, 0, 1}, {9, 2, 3}, {12, 1, 1}};
        ComplaintAges replayed = new ComplaintAges();
        java.util.List<ComplaintAges.Day> expected = new java.util.ArrayList<>();
        java.util.List<Long> openExpected = new java.util.ArrayList<>();
        for (long[] d : days) {
            expected.add(replayed.add(MONDAY.plusDays(d[0]), d[1], d[2]));
            openExpected.add(replayed.open());
        }
        for (int kept = 0; kept < days.length; kept++) {
            ComplaintAges before = new ComplaintAges();
            for (int i = 0; i <= kept; i++) {
                before.add(MONDAY.plusDays(days[i][0]), days[i][1], days[i][2]);
            }
            ComplaintAges resumed = ComplaintAges.resumed(before.resolvedAhead(), before.openReceived());
            assertThat(resumed.open()).isEqualTo(openExpected.get(kept));
            for (int i = kept + 1; i < days.length; i++) {
                assertThat(resumed.add(MONDAY.plusDays(days[i][0]), days[i][1], days[i][2])).as("day %d after %d", i, kept)
                        .isEqualTo(expected.get(i));
                assertThat(resumed.open()).isEqualTo(openExpected.get(i));
            }
        }
    }

    @Test
    void whatIsKeptNamesTheOpenComplaintsByTheDayTheyCame() {
        ComplaintAges ages = new ComplaintAges();
        assertThat(ages.openReceived()).isNull();
        ages.add(MONDAY, 2, 0);
        ages.add(MONDAY.plusDays(2), 1, 1);
        assertThat(ages.openReceived()).isEqualTo("2026-12-07:1,2026-12-09:1");
        assertThat(ages.resolvedAhead()).isZero();
        ages.add(MONDAY.plusDays(3), 0, 4);
        assertThat(ages.openReceived()).isNull();
        assertThat(ages.resolvedAhead()).isEqualTo(2);
    }
}
