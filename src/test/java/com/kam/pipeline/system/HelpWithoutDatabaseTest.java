package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.KamPipelineApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code kam --help}, {@code kam <command> --help} and {@code --version} answer without the
 * database: here one that cannot be reached, which the started application would fail on.
 */
@ExtendWith(OutputCaptureExtension.class)
class HelpWithoutDatabaseTest {

    private String url;

    @BeforeEach
    void unreachableDatabase() {
        url = System.setProperty("spring.datasource.url", "jdbc:mariadb://127.0.0.1:1/none");
    }

    @AfterEach
    void configuredDatabase() {
        if (url == null) {
            System.clearProperty("spring.datasource.url");
        } else {
            System.setProperty("spring.datasource.url", url);
        }
    }

    @Test
    void helpAndTheVersionNeedNoDatabase(CapturedOutput output) {
        KamPipelineApplication.main(new String[] {"--help"});
        KamPipelineApplication.main(new String[] {"ingest", "--help"});
        KamPipelineApplication.main(new String[] {"nightly", "-h"});
        KamPipelineApplication.main(new String[] {"-V"});

        assertThat(output.getOut()).contains("Usage: kam [-hV] [COMMAND]", "Usage: kam ingest [-hV] [--allow-future-date]",
                        "Usage: kam nightly ", "--date=<date>", "database schema V" + SchemaScenarios.RELEASE + " ")
                .containsPattern("(?m)^" + KamVersionTest.FIRST_LINE + "$");
        assertThat(output.getAll()).doesNotContain("Cannot open the database");
    }

    @Test
    void aMistypedOptionIsRefusedWithTheUsageAndNeedsNoDatabase(CapturedOutput output) {
        assertThat(KamCommandLine.answerBeforeStart("ingest", "--dat", "2026-10-30")).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(KamCommandLine.answerBeforeStart("nightly", "--date", "2026-13-01")).isEqualTo(KamCommand.BAD_USAGE);
        // work to do is left to the started application
        assertThat(KamCommandLine.answerBeforeStart("runs", "--last", "3")).isNull();

        assertThat(output.getErr()).contains("Unknown options: '--dat', '2026-10-30'\nPossible solutions: --date",
                "Invalid value for option '--date': '2026-13-01' is not a date", "Usage: kam nightly ");
        assertThat(output.getAll()).doesNotContain("Cannot open the database");
    }
}
