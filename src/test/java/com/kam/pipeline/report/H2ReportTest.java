package com.kam.pipeline.report;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The report scenarios on the embedded default, H2 in MariaDB mode. */
class H2ReportTest extends ReportScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("report"));
    }
}
