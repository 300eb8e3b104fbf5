package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The schema against the release, as the jar is started: a command that only reads (check, runs)
 * migrates nothing and says what this release would apply; a command that writes applies it; a
 * database a later release has migrated is refused by a command that writes. Each start is the
 * whole application with its command line, as {@code java -jar} runs it. H2 and MariaDB subclasses.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SchemaScenarios {

    /** This release's last migration, from the migration files. */
    static final int RELEASE = lastMigration();

    @TempDir
    Path work;

    String url;

    /** A new, empty database of the subclass's kind. */
    abstract String newDatabase();

    abstract String user();

    @BeforeEach
    void databaseOfAnEarlierRelease() {
        url = newDatabase();
        Flyway.configure().dataSource(url, user(), "").locations("classpath:db/migration").target("29").load().migrate();
    }

    @Test
    void checkAndRunsReportThePendingMigrationsAndLeaveTheSchemaAloneAndAWritingCommandAppliesThem(CapturedOutput output)
            throws Exception {
        String history = history();

        KamStart.Result check = kam(output, "check");
        KamStart.Result runs = kam(output, "runs");

        String pending = "database: schema at V29, this release brings V30..V" + RELEASE
                + "; the next run (nightly, ingest, ...) applies them";
        assertThat(check.output()).contains("note " + pending);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(runs.exitCode()).as(runs.output()).isZero();
        assertThat(runs.output()).contains("no runs yet").contains(pending);
        assertThat(history()).isEqualTo(history);

        KamStart.Result rollup = kam(output, "rollup", "--date", "2026-10-31");

        assertThat(rollup.exitCode()).as(rollup.output()).isZero();
        assertThat(lastVersion()).isEqualTo(Integer.toString(RELEASE));
        assertThat(kam(output, "check").output()).contains("ok   database: schema at V" + RELEASE + ", up to date");
    }

    @Test
    void aDatabaseNewerThanTheReleaseIsRefusedByAWritingCommandAndNamedByCheck(CapturedOutput output) throws Exception {
        Flyway.configure().dataSource(url, user(), "").locations("classpath:db/migration").load().migrate();
        int later = RELEASE + 2;
        try (Connection c = DriverManager.getConnection(url, user(), "")) {
            c.createStatement().executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) VALUES (" + (RELEASE + 1) + ", '" + later
                    + "', 'of a later release', 'SQL', 'V" + later + "__of_a_later_release.sql', 0, 'test', 1, TRUE)");
        }
        String history = history();

        KamStart.Result rollup = kam(output, "rollup", "--date", "2026-10-31");
        KamStart.Result check = kam(output, "check");

        assertThat(rollup.exitCode()).isEqualTo(KamCommand.JOB_FAILED);
        assertThat(rollup.output()).contains("Refusing to run on the database " + url + ": its schema is at V" + later
                + ", newer than this release of kam-pipeline knows (V" + RELEASE + ")")
                .contains("Run the release that upgraded the database").doesNotContain("\tat ");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
        assertThat(check.exitCode()).isEqualTo(KamCommand.BAD_USAGE);
        assertThat(check.output()).contains("BAD  database: schema at V" + later + ", newer than this release knows (V"
                + RELEASE + ")");
        assertThat(history()).isEqualTo(history);
    }

    /** Starts the application with these arguments, as {@code java -jar kam-pipeline.jar} does. */
    KamStart.Result kam(CapturedOutput output, String... args) {
        return KamStart.run(output, Map.of("spring.datasource.url", url, "spring.datasource.username", user(),
                "spring.datasource.password", "", "kam.inbox", work.resolve("inbox").toString(),
                "kam.out", work.resolve("out").toString(), "kam.delivery.outbox", "true"), args);
    }

    /** Every row of Flyway's history, with the time each was applied. */
    String history() throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, user(), "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT installed_rank, version, installed_on FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getTimestamp(3)).append('\n');
            }
        }
        return rows.toString();
    }

    String lastVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int lastMigration() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
