package com.kam.pipeline.delivery;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a distribution rule to one report: the people who receive it, by the organisation as
 * it was on the last day of the report's period.
 */
final class RecipientResolver {

    private RecipientResolver() {
    }

    static Set<Person> recipients(ArchivedReport.Subject report, DistributionRules.Rule rule, OrgSnapshot org) {
        Set<Person> to = new LinkedHashSet<>();
        Optional<Person> subjectPerson = switch (report.entityType()) {
            case "REP" -> org.person(report.entityId());
            case "TEAM" -> org.teamLead(report.entityId());
            case "REGION" -> org.regionManager(report.entityId());
            default -> Optional.empty();
        };
        String team = switch (report.entityType()) {
            case "REP" -> subjectPerson.map(Person::teamCode).orElse(null);
            case "TEAM" -> report.entityId();
            default -> null;
        };
        String region = switch (report.entityType()) {
            case "REP" -> subjectPerson.map(Person::regionCode).orElse(null);
            case "TEAM" -> org.regionOfTeam(report.entityId()).orElse(null);
            case "REGION" -> report.entityId();
            default -> null;
        };
        for (Audience audience : rule.to()) {
            switch (audience) {
                case SELF -> subjectPerson.ifPresent(to::add);
                case MANAGER_CHAIN -> {
                    Optional<Person> next = subjectPerson;
                    for (int level = 0; level < rule.managerLevels() && next.isPresent(); level++) {
                        next = org.person(next.get().managerId());
                        next.ifPresent(to::add);
                    }
                }
                case TEAM_LEAD -> org.teamLead(team).ifPresent(to::add);
                case REGION_MANAGER -> org.regionManager(region).ifPresent(to::add);
                case DIRECTOR -> to.addAll(org.directors());
            }
        }
        return to;
    }
}
