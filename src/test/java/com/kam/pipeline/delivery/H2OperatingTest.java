package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command-line scenarios on H2 in MariaDB mode. */
class H2OperatingTest extends OperatingScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("operating"));
        smtpServer(registry);
        distributionFile(registry);
    }
}
