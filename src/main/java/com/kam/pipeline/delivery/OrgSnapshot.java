package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The organisation as it was on one day: the org_assignment rows valid on that date. */
final class OrgSnapshot {

    private final Map<String, Person> byId = new HashMap<>();
    private final Map<String, Person> teamLeads = new HashMap<>();
    private final Map<String, Person> regionManagers = new HashMap<>();
    private final Map<String, String> teamRegions = new HashMap<>();
    private final List<Person> directors = new ArrayList<>();

    private OrgSnapshot(List<Person> people) {
        for (Person p : people) {
            byId.put(p.employeeId(), p);
            if (p.teamCode() != null) {
                teamRegions.putIfAbsent(p.teamCode(), p.regionCode());
            }
            switch (p.role()) {
                case "TEAM_LEAD" -> {
                    if (p.teamCode() != null) {
                        teamLeads.put(p.teamCode(), p);
                    }
                }
                case "REGION_MANAGER" -> regionManagers.put(p.regionCode(), p);
                case "DIRECTOR" -> directors.add(p);
                default -> {
                }
            }
        }
    }

    static OrgSnapshot on(JdbcTemplate jdbc, LocalDate day) {
        return new OrgSnapshot(jdbc.query("""
                SELECT employee_id, name, role, email, language, manager_id, team_code, region_code
                FROM org_assignment WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY employee_id""",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), day, day));
    }

    Optional<Person> person(String employeeId) {
        return Optional.ofNullable(employeeId == null ? null : byId.get(employeeId));
    }

    Optional<Person> teamLead(String teamCode) {
        return Optional.ofNullable(teamCode == null ? null : teamLeads.get(teamCode));
    }

    Optional<Person> regionManager(String regionCode) {
        return Optional.ofNullable(regionCode == null ? null : regionManagers.get(regionCode));
    }

    Optional<String> regionOfTeam(String teamCode) {
        return Optional.ofNullable(teamRegions.get(teamCode));
    }

    List<Person> directors() {
        return directors;
    }

    Optional<Person> byEmail(String email) {
        return byId.values().stream().filter(p -> p.email().equalsIgnoreCase(email)).findFirst();
    }
}
