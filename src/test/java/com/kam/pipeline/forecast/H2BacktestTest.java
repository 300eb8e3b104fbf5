package com.kam.pipeline.forecast;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The backtest scenarios on H2 in MariaDB mode. */
class H2BacktestTest extends BacktestScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("backtest"));
    }
}
