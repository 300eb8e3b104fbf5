package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.KamPipelineApplication;
import com.kam.pipeline.support.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code kam --version} tells one build from another: the release, the commit it was built from
 * ("unknown commit" outside a git work tree), the build time, and the schema it brings.
 */
@ExtendWith(OutputCaptureExtension.class)
class KamVersionTest {

    static final String FIRST_LINE = "kam-pipeline \\S+, (commit [0-9a-f]{7,} of \\S+( \\(with uncommitted changes\\))?"
            + "|unknown commit), built \\S+";

    @Test
    void theVersionNamesTheBuildsCommitAndTheSchemaItBringsWithoutStartingTheApplication(CapturedOutput output) {
        KamPipelineApplication.main(new String[] {"--version"});

        assertThat(output.getOut().lines()).hasSize(2);
        assertThat(output.getOut().lines().findFirst().orElseThrow()).matches(FIRST_LINE);
        assertThat(output.getOut()).contains("database schema V" + SchemaScenarios.RELEASE + " ");
    }

    @Test
    void theCommandLineSaysTheSame(CapturedOutput output) {
        // through picocli in the started application, not main's shortcut
        KamStart.Result version = KamStart.run(output, Map.of("spring.datasource.url", TestDatabases.h2Url("version"),
                "spring.datasource.username", "sa", "spring.datasource.password", ""), "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).containsPattern("(?m)^" + FIRST_LINE + "$")
                .contains("database schema V" + SchemaScenarios.RELEASE + " ");
    }
}
