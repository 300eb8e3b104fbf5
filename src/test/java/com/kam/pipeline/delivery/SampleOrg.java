package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The org_assignment rows as a test reads them, to work out who should get what without the
 * production code's resolver.
 */
record SampleOrg(List<Row> rows) {

    record Row(String id, String role, String email, String language, String manager, String team, String region,
               LocalDate from, LocalDate to) {
        boolean validOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    static SampleOrg read(JdbcTemplate jdbc) {
        return new SampleOrg(jdbc.query("SELECT employee_id, role, email, language, manager_id, team_code, region_code,"
                + " valid_from, valid_to FROM org_assignment", (rs, i) -> new Row(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class))));
    }

    /** Only the rows of one region, and the director(s) above it; {@code region} null: everyone. */
    SampleOrg inRegion(String region) {
        return region == null ? this
                : new SampleOrg(rows.stream().filter(r -> r.region().equals(region) || r.role().equals("DIRECTOR")).toList());
    }

    Optional<Row> person(String id, LocalDate day) {
        return rows.stream().filter(r -> r.id().equals(id) && r.validOn(day)).findFirst();
    }

    List<Row> withRole(String role, LocalDate day) {
        return rows.stream().filter(r -> r.role().equals(role) && r.validOn(day)).toList();
    }

    Row lead(String team, LocalDate day) {
        return withRole("TEAM_LEAD", day).stream().filter(r -> team.equals(r.team())).findFirst().orElseThrow();
    }

    Row regionManager(String region, LocalDate day) {
        return withRole("REGION_MANAGER", day).stream().filter(r -> region.equals(r.region())).findFirst().orElseThrow();
    }
}
