package com.kam.pipeline.delivery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a distribution rule to one report: the people who receive it, by the organisation as
 * it was on the last day of the report's period (a leaver's report: {@link OrgSnapshot#dayFor}),
 * and each one the rule names who is not there,
 * with why. Nobody stands in for a missing one: the report is sent to the others, and the gap said.
 */
final class RecipientResolver {

    /** Whom the rule names and the organisation has, and whom it names and has not (one entry each). */
    record Recipients(Set<Person> found, List<Missing> missing) {
    }

    /** Someone a rule names ("the region manager") who is not in the organisation, and why. */
    record Missing(String who, String why) {
    }

    /** The roles up a manager chain, each one's manager the next. */
    private static final List<String> LADDER = List.of("REP", "TEAM_LEAD", "REGION_MANAGER", "DIRECTOR");

    private RecipientResolver() {
    }

    static Recipients resolve(ArchivedReport.Subject report, DistributionRules.Rule rule, OrgSnapshot org) {
        Set<Person> to = new LinkedHashSet<>();
        List<Missing> missing = new ArrayList<>();
        String id = report.entityId();
        Optional<Person> subjectPerson = switch (report.entityType()) {
            case "REP" -> org.person(id);
            case "TEAM" -> org.teamLead(id);
            case "REGION" -> org.regionManager(id);
            default -> Optional.empty();
        };
        // why there is no one to start from: the rep not in the organisation, the team without a lead, ...
        String whyNoSubject = switch (report.entityType()) {
            case "REP" -> org.whyAbsent("rep", id);
            case "TEAM" -> org.whyNoTeamLead(id);
            case "REGION" -> org.whyNoRegionManager(id);
            default -> "a report of the whole company has no person of its own to start from";
        };
        String team = switch (report.entityType()) {
            case "REP" -> subjectPerson.map(Person::teamCode).orElse(null);
            case "TEAM" -> id;
            default -> null;
        };
        String region = switch (report.entityType()) {
            case "REP" -> subjectPerson.map(Person::regionCode).orElse(null);
            case "TEAM" -> org.regionOfTeam(id).orElse(null);
            case "REGION" -> id;
            default -> null;
        };
        for (Audience audience : rule.to()) {
            switch (audience) {
                case SELF -> subjectPerson.ifPresentOrElse(to::add, () -> missing.add(new Missing("the rep", whyNoSubject)));
                case MANAGER_CHAIN -> managerChain(report, rule.managerLevels(), subjectPerson, whyNoSubject, org, to, missing);
                case TEAM_LEAD -> org.teamLead(team).ifPresentOrElse(to::add, () -> missing.add(new Missing("the team lead",
                        team != null ? org.whyNoTeamLead(team) : lacking(subjectPerson, "team", whyNoSubject))));
                case REGION_MANAGER -> org.regionManager(region).ifPresentOrElse(to::add, () -> missing.add(new Missing(
                        "the region manager", region != null ? org.whyNoRegionManager(region)
                        : report.entityType().equals("TEAM") ? "team " + id + " has nobody in the organisation to give its region"
                        : lacking(subjectPerson, "region", whyNoSubject))));
                case DIRECTOR -> {
                    if (org.directors().isEmpty()) {
                        missing.add(new Missing("the director", org.whyNoDirector()));
                    }
                    to.addAll(org.directors());
                }
            }
        }
        return new Recipients(to, missing);
    }

    /**
     * Up the chain by manager_id, {@code levels} deep; where a manager is not in the organisation
     * the chain stops, and the levels it does not reach are missing for that reason. A director
     * who names no manager is the top: nothing above is missing.
     */
    private static void managerChain(ArchivedReport.Subject report, int levels, Optional<Person> subject, String whyNoSubject,
                                     OrgSnapshot org, Set<Person> to, List<Missing> missing) {
        if (subject.isEmpty()) {
            String from = switch (report.entityType()) {
                case "REP" -> "REP";
                case "TEAM" -> "TEAM_LEAD";
                case "REGION" -> "REGION_MANAGER";
                default -> "DIRECTOR";
            };
            missing.add(new Missing(levelsAbove(from, levels), whyNoSubject));
            return;
        }
        Person current = subject.get();
        for (int level = 0; level < levels; level++) {
            Optional<String> why = org.whyNoManager(current);
            if (why.isPresent()) {
                missing.add(new Missing(levelsAbove(current.role(), levels - level), why.get()));
                return;
            }
            Optional<Person> manager = org.person(current.managerId() == null ? null : current.managerId().trim());
            if (manager.isEmpty()) {
                return; // the top
            }
            to.add(manager.get());
            current = manager.get();
        }
    }

    /** The {@code levels} managers above someone of {@code role}, as the ladder names them: "the team lead, the region manager". */
    private static String levelsAbove(String role, int levels) {
        int from = LADDER.indexOf(role);
        List<String> names = from < 0 ? List.of() : LADDER.subList(from + 1, Math.min(LADDER.size(), from + 1 + levels)).stream()
                .map(r -> "the " + r.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList();
        return names.isEmpty() ? "their manager" : String.join(", ", names);
    }

    /** Why the report's person gives no team (or region): they have none, or are not there at all. */
    private static String lacking(Optional<Person> subject, String what, String whyNoSubject) {
        return subject.map(p -> OrgSnapshot.describe(p) + " has no " + what).orElse(whyNoSubject);
    }
}
