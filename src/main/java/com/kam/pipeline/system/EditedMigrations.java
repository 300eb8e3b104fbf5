package com.kam.pipeline.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Migrations edited after a stop had applied them, and the checksum a database that applied the
 * edited file holds: set back to the file's before Flyway validates, so that such a database
 * migrates instead of failing on a checksum mismatch. No data changes; what the edit did is a
 * migration of its own. Only the exact edited checksums are matched: any other mismatch still fails.
 */
final class EditedMigrations {

    /**
     * An applied migration's version, the checksum of the edited file, and that of the file as
     * first applied (Flyway's CRC32 over its lines).
     */
    private record Edited(String version, int editedChecksum, int fileChecksum) {
    }

    /** V41 widened open_received to MEDIUMTEXT in place; it is back as first applied, and V43 widens it. */
    private static final List<Edited> EDITED = List.of(new Edited("41", -937932469, 28114797));

    private EditedMigrations() {
    }

    /** Sets the checksums of the edited migrations applied to the database back to their files'. */
    static void realign(Flyway flyway) {
        String table = flyway.getConfiguration().getTable();
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            if (!hasTable(connection, table)) {
                return;  // a new database: nothing applied yet
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (Edited edited : EDITED) {
                    update.setInt(1, edited.fileChecksum());
                    update.setString(2, edited.version());
                    update.setInt(3, edited.editedChecksum());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the checksums of the migrations applied: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
