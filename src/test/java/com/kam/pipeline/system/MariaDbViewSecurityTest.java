package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Every view of the migrated schema is read with the rights of whoever reads it (SQL SECURITY
 * INVOKER): a view with MariaDB's default, DEFINER, fails in a copy of the database restored under
 * another name or read by another user than the one who ran the migrations.
 */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbViewSecurityTest {

    @Test
    void everyViewIsReadWithTheRightsOfItsReader() throws Exception {
        String url = TestDatabases.newMariaDb("kam_views");
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();

        Map<String, String> views = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "root", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT TABLE_NAME, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                views.put(rs.getString(1), rs.getString(2));
            }
        }

        assertThat(views).containsKeys("org_entity", "report_day", "rollup").allSatisfy((view, security) ->
                assertThat(security).as(view).isEqualTo("INVOKER"));
    }
}
