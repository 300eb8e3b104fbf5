package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delivery scenarios on the embedded default, H2 in MariaDB mode. */
class H2DeliveryTest extends DeliveryScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("delivery"));
        smtpServer(registry);
    }
}
