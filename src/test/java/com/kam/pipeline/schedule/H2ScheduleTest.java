package com.kam.pipeline.schedule;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scheduler scenarios on H2 in MariaDB mode. */
class H2ScheduleTest extends ScheduleScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("schedule"));
        schedulesFile(registry);
    }
}
