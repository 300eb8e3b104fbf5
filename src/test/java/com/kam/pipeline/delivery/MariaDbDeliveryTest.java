package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delivery scenarios on a real MariaDB server, in a database of their own. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbDeliveryTest extends DeliveryScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabases.mariaDbAvailable()) {
            TestDatabases.register(registry, TestDatabases.newMariaDb("kam_delivery"));
        }
        smtpServer(registry);
    }
}
