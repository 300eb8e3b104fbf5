package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.kam.pipeline.system.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "orders down" rule's regular-buyer threshold in jobs/rollup.yml. */
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

    private static String shipped() throws Exception {
        return Files.readString(Path.of("jobs/rollup.yml"), StandardCharsets.UTF_8);
    }

    private void write(String text) throws Exception {
        Files.writeString(jobs.resolve("rollup.yml"), text, StandardCharsets.UTF_8);
    }
}
