package com.kam.pipeline.delivery;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mail setups on MariaDB: this context without spring.mail.host or the outbox. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbMailSetupTest extends MailSetupScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabases.mariaDbAvailable()) {
            TestDatabases.register(registry, TestDatabases.newMariaDb("kam_mail_setup"));
        }
    }
}
