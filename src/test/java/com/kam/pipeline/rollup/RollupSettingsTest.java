package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.kam.pipeline.system.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/rollup.yml: the "orders down" rule's regular-buyer threshold, and the checks of what an operator edits. */
class RollupSettingsTest {

    @TempDir
    Path jobs;

    @Test
    void theShippedFileAsksForOrdersInTwoOfTheThreeEarlierBlocks() {
        assertThat(RollupSettings.load(Path.of("jobs")).ordersDownActiveBlocks()).isEqualTo(2);
    }

    @Test
    void withoutTheKeyAnyOrderInTheTwelveWeeksBeforeCounts() throws Exception {
        write(shipped().replaceAll("(?m)^\\s*orders-down-active-blocks:.*$", ""));
        assertThat(RollupSettings.load(jobs).ordersDownActiveBlocks()).isEqualTo(1);
    }

    @Test
    void aThresholdBeyondTheThreeBlocksIsRefusedNamingTheKey() throws Exception {
        write(shipped().replace("orders-down-active-blocks: 2", "orders-down-active-blocks: 4"));
        Throwable thrown = catchThrowable(() -> RollupSettings.load(jobs));
        assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageContaining("rollup.yml")
                .hasMessageContaining("orders-down-active-blocks must be 1, 2 or 3");
    }

    @Test
    void contradictionsAndSlipsOfThePenAreRefusedNamingTheLine() throws Exception {
        assertRefused(shipped().replace("2026-10-10]", "2026-10-10, 2026-10-07]"), "make-up-working-days",
                "make-up-working-days: 2026-10-07 is also listed as a holiday (国庆节); a day is one or the other");
        assertRefused(shipped().replace("2026-10-10]", "2026-10-10, 2026-10-13]"), "make-up-working-days",
                "make-up-working-days: 2026-10-13 is a TUESDAY, a working day already");
        assertRefused(shipped().replace("    B: 45", "    C: 45"), "max-days-without-visit",
                "max-days-without-visit: no value for class B, which abnormal-customers lists");
        assertRefused(shipped().replace("classes: [A, B]", "classes: [A, K]"), "classes",
                "abnormal-customers: class 'K' is not one of A, B, C");
        assertRefused(shipped().replace("orders-down-share: 0.5", "orders-down-share: 50"), "orders-down-share",
                "orders-down-share must be between 0 and 1 (0.5: below half), not 50");
        assertRefused(shipped().replace("history-weeks: 8 ", "history-weeks: 2 "), "min-history-weeks",
                "min-history-weeks (4) must not exceed history-weeks (2)");
    }

    /** Refused with the line that holds {@code key} and the reason. */
    private void assertRefused(String text, String key, String reason) throws Exception {
        write(text);
        java.util.List<String> lines = text.lines().toList();
        int line = lines.indexOf(lines.stream().filter(l -> l.trim().startsWith(key + ":")).findFirst().orElseThrow()) + 1;
        assertThat(catchThrowable(() -> RollupSettings.load(jobs))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rollup.yml:" + line + ": ").hasMessageContaining(reason);
    }

    private static String shipped() throws Exception {
        return Files.readString(Path.of("jobs/rollup.yml"), StandardCharsets.UTF_8);
    }

    private void write(String text) throws Exception {
        Files.writeString(jobs.resolve("rollup.yml"), text, StandardCharsets.UTF_8);
    }
}
