package com.kam.pipeline.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the deliver summary says of a report that does not reach everyone its distribution rule
 * names: one WARN line per reason, naming the report, whom it misses, the rule and why, e.g.
 * {@code scorecard of 陈峰宇 (E00014) 2026-09-01..2026-09-30: not sent to the region manager
 * (distribution.yml rule 2: to self, manager-chain; manager-levels 2): team T001's lead 林瑞秀 (E00005)
 * names manager E00002, who is not in the org file}.
 */
final class MissingRecipients {

    private MissingRecipients() {
    }

    /** The lines for one report; none when it reaches everyone. Those missed for one reason share a line. */
    static List<String> lines(ArchivedReport report, DistributionRules.Rule rule, List<RecipientResolver.Missing> missing) {
        Map<String, List<String>> whoByWhy = new LinkedHashMap<>();
        missing.forEach(m -> whoByWhy.computeIfAbsent(m.why(), why -> new ArrayList<>()).add(m.who()));
        List<String> lines = new ArrayList<>();
        whoByWhy.forEach((why, who) -> lines.add(name(report) + ": not sent to " + String.join(", ", who) + " ("
                + rule.describe() + "): " + why));
        return lines;
    }

    static String noRule(ArchivedReport report) {
        return name(report) + ": not sent: no rule in distribution.yml for report-type " + report.reportType() + " and entity-type "
                + report.entityType();
    }

    /** "scorecard of 陈峰宇 (E00014) 2026-09-01..2026-09-30", "weekly report of team 北京办事处 (T002) ...". */
    static String name(ArchivedReport report) {
        String type = switch (report.reportType()) {
            case "WEEKLY" -> "weekly report";
            case "FUNNEL" -> "funnel report";
            default -> report.reportType().toLowerCase(java.util.Locale.ROOT); // scorecard, digest
        };
        String id = report.entityId();
        String named = report.entityName() == null || report.entityName().equals(id) ? id : report.entityName() + " (" + id + ")";
        String entity = switch (report.entityType()) {
            case "REP" -> named;
            case "TEAM" -> "team " + named;
            case "REGION" -> "region " + named;
            default -> "the whole company";
        };
        String period = report.periodStart().equals(report.periodEnd()) ? report.periodStart().toString()
                : report.periodStart() + ".." + report.periodEnd();
        return type + " of " + entity + " " + period;
    }
}
