package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.SmallCompany;
import com.kam.pipeline.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * MariaDB refusing LOAD DATA LOCAL INFILE, by which the ingest and the rollup store rows: each
 * fails in one line saying what to do, not a stack trace (exit 1), and stores nothing of what it
 * was storing; {@code kam check} says it first. The connection refuses it here
 * ({@code allowLocalInfile=false} in the URL): the server's {@code local_infile} is global, and the
 * test server is shared. The server's refusal is the same error, worded by the server
 * ({@link LocalInfileRefusedTest}).
 */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
@ExtendWith(OutputCaptureExtension.class)
class MariaDbLocalInfileTest {

    static final String REFUSED = "the MariaDB driver refuses LOAD DATA LOCAL INFILE (spring.datasource.url sets"
            + " allowLocalInfile=false): take allowLocalInfile out of the URL";

    @TempDir
    Path work;

    @Test
    void anIngestAndARollupRefusedTheBulkLoadSayHowToAllowItAndStoreNothing(CapturedOutput output) throws Exception {
        String allowed = TestDatabases.newMariaDb("kam_infile");
        String refused = allowed.replace("allowLocalInfile=true", "allowLocalInfile=false");
        Path inbox = work.resolve("inbox");
        SmallCompany.writeInbox(inbox);

        KamStart.Result check = KamStart.run(output, settings(refused), "check");
        assertThat(check.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(check.output()).contains("BAD  bulk load: " + REFUSED);

        KamStart.Result ingest = KamStart.run(output, settings(refused), "ingest", "--date", "2026-05-11", "--inbox", inbox.toString());

        assertThat(ingest.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(ingest.output()).contains("ERROR ingest 2026-05-11 failed: " + REFUSED, "  failed: " + REFUSED)
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("no rows in");
        // the day's reports are not stored, and their file waits in the inbox for the run that can
        assertThat(count(allowed, "report_line")).isZero();
        assertThat(inbox.resolve("daily_reports_2026-05-11.csv")).exists();

        assertThat(KamStart.run(output, settings(allowed), "ingest", "--date", "2026-05-11", "--inbox", inbox.toString())
                .exitCode()).isZero();
        assertThat(count(allowed, "report_line")).isPositive();
        KamStart.Result rollup = KamStart.run(output, settings(refused), "rollup", "--date", "2026-05-11");

        assertThat(rollup.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(rollup.output()).contains("ERROR rollup 2026-05-11 failed: " + REFUSED, "rollup failed: " + REFUSED)
                .doesNotContain("\tat ").doesNotContain("Exception");
        // one transaction: none of its figures
        assertThat(count(allowed, "calendar_day") + count(allowed, "rollup_rep_day") + count(allowed, "rollup")).isZero();
    }

    private Map<String, Object> settings(String url) {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", "root", "spring.datasource.password", "",
                "kam.inbox", work.resolve("inbox").toString(), "kam.out", work.resolve("out").toString());
    }

    private static long count(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
