package com.kam.pipeline.system;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;

/** The schema scenarios on MariaDB. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbSchemaTest extends SchemaScenarios {

    @Override
    String newDatabase() {
        return TestDatabases.newMariaDb("kam_schema");
    }

    @Override
    String user() {
        return "root";
    }
}
