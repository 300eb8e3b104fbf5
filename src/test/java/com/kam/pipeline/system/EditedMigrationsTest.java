package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that applied V41 as it stood edited (open_received widened in place) after a stop had
 * applied the first V41: it migrates to the current schema, with its complaint days kept.
 */
class EditedMigrationsTest {

    /** V41 as the stop of 2026-12-07 16:26 applied it, widened in place. */
    private static final String EDITED_V41 = """
            -- A rep's complaint resolution times depend on all of the rep's earlier complaints, first in,
            -- first out (rollup/ComplaintAges). Each rep-day with complaints now keeps what that replay holds
            -- after it, so a night carries on from the rep's last such day instead of reading the rep's whole
            -- history. Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

            -- Resolutions beyond the complaints received so far.
            ALTER TABLE rollup_complaint_day ADD COLUMN resolved_ahead INT NOT NULL DEFAULT 0;
            -- The complaints still open, by the day they were received, oldest first: 2026-10-01:2,2026-10-05:1
            ALTER TABLE rollup_complaint_day ADD COLUMN open_received MEDIUMTEXT;

            -- The days rolled up before this migration keep none of it: a master load the runs have not seen
            -- makes the next run recompute everything (the runs themselves are kept).
            UPDATE rollup_run SET master_load_id = -1;
            """;

    @TempDir
    Path edited;

    @Test
    void aDatabaseThatAppliedTheWidenedV41MigratesToTheCurrentSchema() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:edited_v41;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("40").load().migrate();
        Files.writeString(edited.resolve("V41__complaint_ages_kept.sql"), EDITED_V41);
        Flyway.configure().dataSource(database).locations("filesystem:" + edited).ignoreMigrationPatterns("*:missing")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("INSERT INTO rollup_complaint_day (work_date, rep_id, complaints_received, complaints_resolved,"
                + " complaints_open_after, open_received)"
                + " VALUES (DATE '2026-10-05', 'R001', 1, 0, 3, '2026-10-01:2,2026-10-05:1')");

        Flyway current = Flyway.configure().dataSource(database).locations("classpath:db/migration").load();
        // without the realignment Flyway refuses the database: V41's checksum differs from the file's
        assertThatThrownBy(current::migrate).hasMessageContaining("checksum mismatch").hasMessageContaining("41");

        EditedMigrations.realign(current);
        current.migrate();
        assertThat(current.info().current().getVersion().getVersion())
                .isEqualTo(current.info().all()[current.info().all().length - 1].getVersion().getVersion());
        assertThat(jdbc.queryForObject("SELECT open_received FROM rollup_complaint_day WHERE rep_id = 'R001'", String.class))
                .isEqualTo("2026-10-01:2,2026-10-05:1");
    }
}
