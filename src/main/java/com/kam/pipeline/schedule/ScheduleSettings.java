package com.kam.pipeline.schedule;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduler settings ({@code kam.schedule.*}); Quartz itself is configured under {@code spring.quartz}.
 *
 * @param file the schedules file
 */
@ConfigurationProperties("kam.schedule")
public record ScheduleSettings(@DefaultValue("jobs/schedules.yml") Path file) {
}
