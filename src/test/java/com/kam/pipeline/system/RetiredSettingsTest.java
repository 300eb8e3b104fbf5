package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RetiredSettingsTest {

    @Test
    void theOldReportTimeZoneIsRefusedWhereverItIsSet() {
        StandardEnvironment yaml = new StandardEnvironment();
        yaml.getPropertySources().addFirst(new MapPropertySource("config/application.yml",
                Map.of("kam.report.time-zone", "Asia/Shanghai")));
        assertThat(RetiredSettings.stillSet(yaml)).containsExactly("kam.report.time-zone is no longer read (set in"
                + " config/application.yml); set kam.time-zone instead: one company time zone for the PDFs and the finance extract");

        StandardEnvironment variable = new StandardEnvironment();
        variable.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("KAM_REPORT_TIMEZONE", "UTC")));
        assertThat(RetiredSettings.stillSet(variable)).singleElement().asString().contains("set in an environment variable");
    }

    @Test
    void theNewTimeZoneAloneIsFine() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("config/application.yml",
                Map.of("kam.time-zone", "Asia/Shanghai", "kam.report.templates", "report-templates")));
        assertThat(RetiredSettings.stillSet(environment)).isEmpty();
    }
}
