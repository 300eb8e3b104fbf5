package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A MariaDB database the pipeline cannot use as it starts: one that does not exist, or a user
 * without the privileges the migrations need. Each stops the command with the URL, the server's
 * reason and the statements that fix it, not a stack trace (exit 1, as for a server that is down).
 */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
@ExtendWith(OutputCaptureExtension.class)
class MariaDbConnectionMessagesTest {

    @TempDir
    Path work;

    @Test
    void anUnknownDatabaseSaysHowToCreateIt(CapturedOutput output) {
        String name = "kam_nope_" + UUID.randomUUID().toString().substring(0, 8);
        String url = base() + name;

        KamStart.Result night = KamStart.run(output, settings(url, "root", ""), "nightly", "--date", "2026-10-31");

        assertThat(night.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(night.output()).contains("Cannot open the database " + url + ": ").contains("Unknown database '" + name + "'")
                .contains("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;")
                .contains("README.md, \"Pointing it at MariaDB\"").doesNotContain("\tat ");
    }

    @Test
    void aUserWithoutTheCreatePrivilegeIsToldWhatToGrant(CapturedOutput output) throws Exception {
        String url = TestDatabases.newMariaDb("kam_grants");
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        String user = "kam_low_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection root = DriverManager.getConnection(TestDatabases.MARIADB_URL, "root", "")) {
            root.createStatement().execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'low'");
            try {
                root.createStatement().execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + database + ".* TO '" + user + "'@'%'");

                KamStart.Result night = KamStart.run(output, settings(url, user, "low"), "nightly", "--date", "2026-10-31");

                assertThat(night.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
                assertThat(night.output()).contains("Cannot use the database " + url + ": its user lacks a privilege the"
                                + " pipeline needs: ").contains("CREATE command denied to user '" + user + "'@")
                        .contains("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW,"
                                + " SHOW VIEW, CREATE TEMPORARY TABLES, LOCK TABLES ON " + database + ".* TO '" + user + "'@'")
                        .doesNotContain("\tat ");
            } finally {
                root.createStatement().execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    private Map<String, Object> settings(String url, String user, String password) {
        return Map.of("spring.datasource.url", url, "spring.datasource.username", user, "spring.datasource.password", password,
                "kam.inbox", work.resolve("inbox").toString(), "kam.out", work.resolve("out").toString());
    }

    private static String base() {
        return TestDatabases.MARIADB_URL.endsWith("/") ? TestDatabases.MARIADB_URL : TestDatabases.MARIADB_URL + "/";
    }
}
