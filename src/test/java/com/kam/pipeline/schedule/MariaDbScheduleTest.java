package com.kam.pipeline.schedule;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scheduler scenarios on a real MariaDB server: two clustered instances on one database. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbScheduleTest extends ScheduleScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabases.mariaDbAvailable()) {
            TestDatabases.register(registry, TestDatabases.newMariaDb("kam_schedule"));
        }
        schedulesFile(registry);
    }
}
