package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.schedule.ScheduleSettings;
import com.kam.pipeline.support.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Setting the one folder of what operators edit (KAM_JOBS) moves every file in it. */
@SpringBootTest(properties = "kam.cli.enabled=false")
class JobsFolderTest {

    static final Path JOBS = Path.of("jobs").toAbsolutePath();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("jobs-folder"));
        registry.add("kam.jobs", JOBS::toString);
    }

    @Autowired
    KamProperties kam;

    @Autowired
    ScheduleSettings schedule;

    @Autowired
    Environment environment;

    @Test
    void sourcesForecastDistributionAndSchedulesAreFoundInIt() {
        assertThat(kam.jobs()).isEqualTo(JOBS);
        assertThat(kam.sources()).isEqualTo(JOBS.resolve("sources"));
        assertThat(Path.of(environment.getProperty("kam.forecast.config"))).isEqualTo(JOBS.resolve("forecast.yml"));
        assertThat(Path.of(environment.getProperty("kam.delivery.distribution"))).isEqualTo(JOBS.resolve("distribution.yml"));
        assertThat(schedule.file()).isEqualTo(JOBS.resolve("schedules.yml"));
    }
}
