package com.kam.pipeline.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The languages each report is rendered in: kam.report.languages, or those the people in the organisation read. */
@Component
class ReportLanguages {

    private final ReportProperties properties;
    private final JdbcTemplate jdbc;

    ReportLanguages(ReportProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    List<String> languages() {
        if (!properties.languages().isEmpty()) {
            return properties.languages().stream().map(String::trim).distinct().toList();
        }
        List<String> people = jdbc.queryForList(
                "SELECT DISTINCT LOWER(language) FROM org_assignment WHERE language IS NOT NULL ORDER BY 1", String.class);
        return people.isEmpty() ? List.of("zh") : people;
    }
}
