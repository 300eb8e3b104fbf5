package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mail setups on H2 in MariaDB mode: this context without spring.mail.host or the outbox. */
class H2MailSetupTest extends MailSetupScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("mail-setup"));
    }
}
