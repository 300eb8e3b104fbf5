package com.kam.pipeline.forecast;

import com.kam.pipeline.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The backtest scenarios on a real MariaDB server, in a database of their own. */
@EnabledIf("com.kam.pipeline.support.TestDatabases#mariaDbAvailable")
class MariaDbBacktestTest extends BacktestScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabases.mariaDbAvailable()) {
            TestDatabases.register(registry, TestDatabases.newMariaDb("kam_backtest"));
        }
    }
}
