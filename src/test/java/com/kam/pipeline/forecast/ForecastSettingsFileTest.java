package com.kam.pipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/forecast.yml as shipped is accepted; a malformed one is refused with its file, line and reason. */
class ForecastSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFileIsAccepted() {
        ForecastSettings s = ForecastSettingsFile.read(Path.of("jobs/forecast.yml"));
        assertThat(s.probability(Stage.COMMITTED)).isEqualByComparingTo("0.80");
        assertThat(s.stalledPercentile()).isEqualTo(0.80);
        assertThat(s.combinationWeights()).containsKeys(Method.LEARNED, Method.TIME_SERIES, Method.CATEGORY);
        assertThat(s.sha256()).hasSize(64);
    }

    @Test
    void aProbabilityAboveOneIsRefusedAtItsLine() throws IOException {
        Path file = shipped("  QUALIFIED: 0.40", "  QUALIFIED: 1.40");
        assertThatThrownBy(() -> ForecastSettingsFile.read(file)).isInstanceOf(com.kam.pipeline.system.ConfigException.class)
                .hasMessage(file + ":9: probability of QUALIFIED must be between 0 and 1, not 1.40");
    }

    @Test
    void anUnknownSettingAnUnknownStageAndBadYamlAreRefusedAtTheirLines() throws IOException {
        Path typo = shipped("stalled-percentile: 0.80", "staled-percentile: 0.80");
        assertThatThrownBy(() -> ForecastSettingsFile.read(typo)).hasMessageStartingWith(typo + ":15: unknown setting 'staled-percentile'");
        Path stage = shipped("  DEVELOPED: 0.60", "  DEVELOPPED: 0.60");
        assertThatThrownBy(() -> ForecastSettingsFile.read(stage)).hasMessageStartingWith(stage + ":10: unknown stage 'DEVELOPPED'");
        Path yaml = shipped("min-team-history: 30", "min-team-history: [30");
        assertThatThrownBy(() -> ForecastSettingsFile.read(yaml)).isInstanceOf(com.kam.pipeline.system.ConfigException.class)
                .hasMessageStartingWith(yaml + ":");
        Path weight = shipped("  LEARNED: 0.7", "  LEARNED: -1");
        assertThatThrownBy(() -> ForecastSettingsFile.read(weight)).hasMessage(weight + ":33: weight of LEARNED must be zero or more");
        Path percentile = shipped("stalled-percentile: 0.80", "stalled-percentile: 80");
        assertThatThrownBy(() -> ForecastSettingsFile.read(percentile))
                .hasMessage(percentile + ":15: 'stalled-percentile' must be between 0 and 1, not 80");
        Path contributors = shipped("top-contributors: 10", "top-contributors: -1");
        assertThatThrownBy(() -> ForecastSettingsFile.read(contributors))
                .hasMessage(contributors + ":38: 'top-contributors' must be at least 0, not -1");
    }

    @Test
    void aStageLessLikelyToBeWonThanTheOneBeforeIsRefused() throws IOException {
        Path file = shipped("  QUALIFIED: 0.40", "  QUALIFIED: 0.15");
        assertThatThrownBy(() -> ForecastSettingsFile.read(file)).hasMessage(file + ":9: probability of QUALIFIED (0.15) is below"
                + " that of CONTACTED (0.20), the stage before it; a later stage must be at least as likely to be won");
    }

    private Path shipped(String line, String replacement) throws IOException {
        String text = Files.readString(Path.of("jobs/forecast.yml"));
        assertThat(text).contains(line);
        Path file = dir.resolve("forecast.yml");
        Files.writeString(file, text.replace(line, replacement));
        return file;
    }
}
