package com.kam.pipeline.ingest;

import com.kam.pipeline.support.TestDatabases;
import java.io.IOException;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A foreign CRM export and a CRM database, loaded into a real MariaDB. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbForeignSourcesTest extends ForeignSourcesScenario {

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) throws IOException {
        if (TestDatabases.mariaDbAvailable()) {
            TestDatabases.register(registry, TestDatabases.newMariaDb("kam_foreign"));
            registerSources(registry);
        }
    }
}
