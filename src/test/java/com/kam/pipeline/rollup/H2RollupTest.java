package com.kam.pipeline.rollup;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rollup scenarios on the embedded default, H2 in MariaDB mode. */
class H2RollupTest extends RollupScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("rollup"));
    }
}
