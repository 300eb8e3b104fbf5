package com.kam.pipeline.ingest;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Kill and restart on a real MariaDB server. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbKillAndRestartTest extends KillAndRestartScenario {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabases.mariaDbAvailable()) {
            url = TestDatabases.newMariaDb("kam_kill");
            TestDatabases.register(registry, url);
        }
    }

    @Override
    String databaseUrl() {
        return url;
    }
}
