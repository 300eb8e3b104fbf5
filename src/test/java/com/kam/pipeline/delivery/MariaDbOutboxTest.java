package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox scenario on MariaDB: kam.delivery.outbox=true, no spring.mail.host. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbOutboxTest extends OutboxScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabases.mariaDbAvailable()) {
            TestDatabases.register(registry, TestDatabases.newMariaDb("kam_outbox"));
        }
    }
}
