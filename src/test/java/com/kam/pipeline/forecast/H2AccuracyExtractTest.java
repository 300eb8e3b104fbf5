package com.kam.pipeline.forecast;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The accuracy extract's scenarios on the embedded default, H2 in MariaDB mode. */
class H2AccuracyExtractTest extends AccuracyExtractScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("accuracy_extract"));
    }
}
