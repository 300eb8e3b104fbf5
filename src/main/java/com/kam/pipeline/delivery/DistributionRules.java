package com.kam.pipeline.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kam.pipeline.system.ConfigException;
import com.kam.pipeline.system.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checked form of {@code jobs/distribution.yml}: which audiences receive a report of a given
 * type about a given kind of entity. The first matching rule wins.
 */
final class DistributionRules {

    static final Set<String> REPORT_TYPES = java.util.Arrays.stream(com.kam.pipeline.report.ReportType.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    static final Set<String> ENTITY_TYPES = Set.of("REP", "TEAM", "REGION", "COMPANY");
    private static final String ANY = "*";

    /** One rule, the {@code number}th of the file; {@code reportType} or {@code entityType} "*" matches any. */
    record Rule(String reportType, String entityType, Set<Audience> to, int managerLevels, int number) {
        boolean matches(String type, String entity) {
            return (reportType.equals(ANY) || reportType.equals(type)) && (entityType.equals(ANY) || entityType.equals(entity));
        }

        /** Whether every report {@code later} matches, this matches too. */
        boolean takesAllOf(Rule later) {
            return (reportType.equals(ANY) || reportType.equals(later.reportType()))
                    && (entityType.equals(ANY) || entityType.equals(later.entityType()));
        }

        /** As a warning names it: "distribution.yml rule 2: to self, manager-chain; manager-levels 2". */
        String describe() {
            return "distribution.yml rule " + number + ": to " + String.join(", ", to.stream().map(Audience::code).toList())
                    + (to.contains(Audience.MANAGER_CHAIN) ? "; manager-levels " + managerLevels : "");
        }
    }

    /** The file as written. */
    record File(List<Entry> rules) {
    }

    record Entry(@JsonProperty("report-type") String reportType, @JsonProperty("entity-type") String entityType,
                 List<String> to, @JsonProperty("manager-levels") Integer managerLevels) {
    }

    private final List<Rule> rules;

    private DistributionRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    Optional<Rule> ruleFor(String reportType, String entityType) {
        return rules.stream().filter(r -> r.matches(reportType, entityType)).findFirst();
    }

    static DistributionRules load(Path file) {
        File read = ConfigFile.read(file, File.class, "rules (each: report-type, entity-type, to, manager-levels)");
        if (read.rules() == null || read.rules().isEmpty()) {
            throw new ConfigException(file, ConfigFile.lineHolding(file, "rules", 0), "no rules: nobody would receive any report");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < read.rules().size(); i++) {
            Rule rule = check(file, i, read.rules().get(i));
            // the first rule that matches wins: one below a rule that takes all its reports would never be used
            for (Rule earlier : rules) {
                if (earlier.takesAllOf(rule)) {
                    throw new ConfigException(file, ConfigFile.lineHolding(file, "report-type", i), "rule " + rule.number()
                            + " (report-type " + rule.reportType() + ", entity-type " + rule.entityType() + ") is never used:"
                            + " rule " + earlier.number() + " above it (report-type " + earlier.reportType() + ", entity-type "
                            + earlier.entityType() + ") matches every report it names, and the first rule that matches wins."
                            + " Move it above rule " + earlier.number() + ", or delete it");
                }
            }
            rules.add(rule);
        }
        return new DistributionRules(rules);
    }

    private static Rule check(Path file, int index, Entry entry) {
        int line = ConfigFile.lineHolding(file, "report-type", index);
        String where = "rule " + (index + 1) + ": ";
        if (entry == null) {
            throw new ConfigException(file, line, where + "empty rule");
        }
        String type = oneOf(file, line, where, "report-type", entry.reportType(), REPORT_TYPES);
        String entity = oneOf(file, line, where, "entity-type", entry.entityType(), ENTITY_TYPES);
        if (entry.to() == null || entry.to().isEmpty()) {
            throw new ConfigException(file, line, where + "'to' is missing; give one or more of " + Audience.codes());
        }
        Set<Audience> to = EnumSet.noneOf(Audience.class);
        for (String code : entry.to()) {
            to.add(Audience.fromCode(code == null ? "" : code.trim()).orElseThrow(() -> new ConfigException(file,
                    ConfigFile.lineHolding(file, String.valueOf(code), 0), where + "unknown recipient '" + code
                    + "'; expected one of " + Audience.codes())));
        }
        if (to.contains(Audience.SELF) && !entity.equals("REP")) {
            throw new ConfigException(file, line, where + "'self' only applies to entity-type REP");
        }
        int levels = entry.managerLevels() == null ? 1 : entry.managerLevels();
        if (levels < 1 || levels > 9) {
            throw new ConfigException(file, line, where + "manager-levels must be between 1 and 9, got " + levels);
        }
        if (entry.managerLevels() != null && !to.contains(Audience.MANAGER_CHAIN)) {
            throw new ConfigException(file, line, where + "manager-levels is set but 'to' has no manager-chain");
        }
        return new Rule(type, entity, to, levels, index + 1);
    }

    private static String oneOf(Path file, int line, String where, String setting, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(file, line, where + setting + " is missing; use one of " + allowed + " or \"*\"");
        }
        String v = value.trim();
        if (!v.equals(ANY) && !allowed.contains(v)) {
            throw new ConfigException(file, line, where + setting + " '" + v + "' is not one of " + allowed + " or \"*\"");
        }
        return v;
    }
}
