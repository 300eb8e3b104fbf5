package com.kam.pipeline.schedule;

import com.kam.pipeline.rollup.RollupSettings;
import com.kam.pipeline.system.KamProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the schedule feature: its settings, the clock new triggers start from, and the rollup's week start. */
@Configuration
@EnableConfigurationProperties(ScheduleSettings.class)
class ScheduleConfiguration {

    @Bean
    ScheduleRegistrar scheduleRegistrar(ScheduleSettings settings, KamProperties properties) {
        return new ScheduleRegistrar(settings, Clock.systemUTC(), () -> RollupSettings.load(properties.jobs()).weekStart(),
                properties.zone());
    }
}
