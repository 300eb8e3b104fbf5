package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox scenario on H2: kam.delivery.outbox=true, no spring.mail.host. */
class H2OutboxTest extends OutboxScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("outbox"));
    }
}
