package com.kam.pipeline.system;

import com.kam.pipeline.support.TestDatabases;

/** The schema scenarios on H2 in MariaDB mode. */
class H2SchemaTest extends SchemaScenarios {

    @Override
    String newDatabase() {
        return TestDatabases.h2Url("schema");
    }

    @Override
    String user() {
        return "sa";
    }
}
