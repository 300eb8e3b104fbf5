package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation as it was on one day: the org_assignment rows valid on that date. It also says
 * why someone a report should go to is not there (a manager_id naming nobody, a team without a
 * lead, a region without a manager), in the words the deliver summary and {@code kam check} use.
 */
final class OrgSnapshot {

    private final LocalDate day;
    private final Map<String, Person> byId = new HashMap<>();
    private final Map<String, Person> teamLeads = new HashMap<>();
    private final Map<String, Person> regionManagers = new HashMap<>();
    private final Map<String, String> teamRegions = new HashMap<>();
    private final List<Person> directors = new ArrayList<>();
    /** Everyone the org file has, on any date: who left is told from who was never in it. */
    private final Set<String> everListed;

    private OrgSnapshot(LocalDate day, List<Person> people, Set<String> everListed) {
        this.day = day;
        this.everListed = everListed;
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
        return of(day, jdbc.query("""
                SELECT employee_id, name, role, email, language, manager_id, team_code, region_code
                FROM org_assignment WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY employee_id""",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), day, day),
                new HashSet<>(jdbc.queryForList("SELECT DISTINCT employee_id FROM org_assignment", String.class)));
    }

    /**
     * The day whose organisation a report goes by: the last day of its period, or, for a rep who
     * left before it, the rep's last day in the period: the final scorecard goes to the rep and to
     * the managers they had then, whom their pay is settled with (on the period's last day the rep
     * has no team, and the report would reach nobody). {@code atEnd}: the organisation of the
     * period's last day, which holds nearly every rep (only a leaver costs a query).
     */
    static LocalDate dayFor(JdbcTemplate jdbc, ArchivedReport.Subject report, OrgSnapshot atEnd) {
        if (!"REP".equals(report.entityType()) || atEnd.person(report.entityId()).isPresent()) {
            return report.periodEnd();
        }
        LocalDate last = jdbc.queryForObject("""
                SELECT MAX(CASE WHEN valid_to IS NULL OR valid_to >= ? THEN ? ELSE valid_to END) FROM org_assignment
                WHERE employee_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)""", LocalDate.class,
                report.periodEnd(), report.periodEnd(), report.entityId(), report.periodEnd(), report.periodStart());
        return last != null ? last : report.periodEnd();
    }

    /** {@code people} valid on {@code day}; {@code everListed}: the ids of the org file on any date. */
    static OrgSnapshot of(LocalDate day, List<Person> people, Set<String> everListed) {
        return new OrgSnapshot(day, people, everListed);
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

    /**
     * Why the person's manager is not in the organisation that day: their manager_id names nobody,
     * or someone not in it then, or is blank; empty when the manager is there, or when the person
     * is a director without one (the top of the chain).
     */
    Optional<String> whyNoManager(Person p) {
        String managerId = p.managerId() == null ? "" : p.managerId().trim();
        if (managerId.isEmpty()) {
            return "DIRECTOR".equals(p.role()) ? Optional.empty() : Optional.of(describe(p) + " names no manager");
        }
        if (byId.containsKey(managerId)) {
            return Optional.empty();
        }
        return Optional.of(describe(p) + " names manager " + managerId + ", who is " + (everListed.contains(managerId)
                ? "not in the organisation on " + day : "not in the org file"));
    }

    /** Why a person (a rep a report is about) is not in the organisation that day. */
    String whyAbsent(String role, String employeeId) {
        return role + " " + employeeId + " is " + (everListed.contains(employeeId) ? "not in the organisation on " + day
                : "not in the org file");
    }

    String whyNoTeamLead(String teamCode) {
        return "team " + teamCode + " has no lead (role TEAM_LEAD) in the organisation on " + day;
    }

    String whyNoRegionManager(String regionCode) {
        return "region " + regionCode + " has no manager (role REGION_MANAGER) in the organisation on " + day;
    }

    String whyNoDirector() {
        return "nobody has the role DIRECTOR in the organisation on " + day;
    }

    /**
     * What keeps reports from someone the distribution rules would name, seen from the org data
     * alone: each manager_id that names nobody, each team without a lead, each region with teams but
     * no manager. What {@code kam check} warns of.
     */
    List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        new TreeMap<>(byId).values().forEach(p -> whyNoManager(p).ifPresent(gaps::add));
        new TreeSet<>(teamRegions.keySet()).stream().filter(team -> !teamLeads.containsKey(team))
                .forEach(team -> gaps.add(whyNoTeamLead(team)));
        new TreeSet<>(teamRegions.values().stream().filter(java.util.Objects::nonNull).toList()).stream()
                .filter(region -> !regionManagers.containsKey(region)).forEach(region -> gaps.add(whyNoRegionManager(region)));
        return gaps;
    }

    /** A person as the reasons name them: "team T001's lead 林瑞秀 (E00005)". */
    static String describe(Person p) {
        String who = (p.name() == null || p.name().isBlank() ? "" : p.name() + " ") + "(" + p.employeeId() + ")";
        return switch (p.role() == null ? "" : p.role()) {
            case "REP" -> "rep " + who;
            case "TEAM_LEAD" -> "team " + p.teamCode() + "'s lead " + who;
            case "REGION_MANAGER" -> "region " + p.regionCode() + "'s manager " + who;
            case "DIRECTOR" -> "director " + who;
            default -> who;
        };
    }
}
