package com.kam.pipeline.schedule;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the schedule feature: its settings, and the clock new triggers start from. */
@Configuration
@EnableConfigurationProperties(ScheduleSettings.class)
class ScheduleConfiguration {

    @Bean
    ScheduleRegistrar scheduleRegistrar(ScheduleSettings settings) {
        return new ScheduleRegistrar(settings, Clock.systemUTC());
    }
}
