package com.kam.pipeline.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Settings an earlier version read and this one does not: one still set would be ignored without
 * a word (a report stamped in the wrong time zone), so every command refuses to start, naming
 * where it is set and what replaced it.
 */
final class RetiredSettings {

    /** Retired key, and what to set instead. */
    private static final Map<String, String> RETIRED = new LinkedHashMap<>(Map.of(
            "kam.report.time-zone", "set kam.time-zone instead: one company time zone for the PDFs and the finance extract"));

    private RetiredSettings() {
    }

    /** One message per retired key still set, naming the configuration source that sets it. */
    static List<String> stillSet(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        RETIRED.forEach((key, instead) -> {
            // in any of Spring's relaxed forms: kam.report.timeZone, KAM_REPORT_TIMEZONE, ...
            ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                if (source.getConfigurationProperty(name) != null) {
                    Object where = source.getUnderlyingSource() instanceof PropertySource<?> p ? p.getName() : source;
                    if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(where)) {
                        where = "an environment variable";
                    }
                    problems.add(key + " is no longer read (set in " + where + "); " + instead);
                    break;
                }
            }
        });
        return problems;
    }
}
