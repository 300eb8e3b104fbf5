package com.kam.pipeline.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the archived reports of a run into mails: resolves each report's recipients with the
 * distribution rules, picks the PDF in each recipient's language (zh when there is none), and
 * bundles one recipient's PDFs of one type and period into one mail.
 */
final class DeliveryPlanner {

    /**
     * The mails to send, and what the reports do not reach: one WARN line per report and reason
     * ({@link MissingRecipients}), and how many reports those are.
     */
    record Plan(List<MailPlan> mails, List<String> missing, int reportsMissingSomeone) {
    }

    private DeliveryPlanner() {
    }

    /** {@code orgOf}: the organisation a report goes by ({@link OrgSnapshot#dayFor}). */
    static Plan plan(List<ArchivedReport> archived, DistributionRules rules,
                     java.util.function.Function<ArchivedReport.Subject, OrgSnapshot> orgOf) {
        Map<ArchivedReport.Subject, Map<String, ArchivedReport>> byLanguage = new LinkedHashMap<>();
        for (ArchivedReport r : archived) {
            byLanguage.computeIfAbsent(r.subject(), s -> new HashMap<>()).put(r.language(), r);
        }
        Map<String, MailPlanBuilder> mails = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        int reportsMissingSomeone = 0;
        for (var entry : byLanguage.entrySet()) {
            ArchivedReport.Subject subject = entry.getKey();
            ArchivedReport any = inLanguage(entry.getValue(), "zh"); // what a warning names it by
            var rule = rules.ruleFor(subject.reportType(), subject.entityType());
            if (rule.isEmpty()) {
                missing.add(MissingRecipients.noRule(any));
                reportsMissingSomeone++;
                continue;
            }
            // whom the rule names and the organisation lacks is said, and nobody else gets the report in their place
            var resolved = RecipientResolver.resolve(subject, rule.get(), orgOf.apply(subject));
            List<String> lines = MissingRecipients.lines(any, rule.get(), resolved.missing());
            missing.addAll(lines);
            reportsMissingSomeone += lines.isEmpty() ? 0 : 1;
            Set<Person> recipients = resolved.found();
            for (Person person : recipients) {
                ArchivedReport pdf = inLanguage(entry.getValue(), person.mailLanguage());
                MailPlan probe = new MailPlan(person, subject.reportType(), subject.periodStart(), subject.periodEnd(), List.of());
                mails.computeIfAbsent(probe.key(), k -> new MailPlanBuilder(probe)).reports.add(pdf);
            }
        }
        List<MailPlan> plans = mails.values().stream().map(MailPlanBuilder::build)
                .sorted(Comparator.comparing(MailPlan::key)).toList();
        return new Plan(plans, missing, reportsMissingSomeone);
    }

    private static ArchivedReport inLanguage(Map<String, ArchivedReport> versions, String language) {
        ArchivedReport pdf = versions.get(language);
        if (pdf == null) {
            pdf = versions.get("zh");
        }
        return pdf != null ? pdf : versions.values().stream().min(Comparator.comparing(ArchivedReport::id)).orElseThrow();
    }

    private static final class MailPlanBuilder {
        private final MailPlan head;
        private final List<ArchivedReport> reports = new ArrayList<>();

        MailPlanBuilder(MailPlan head) {
            this.head = head;
        }

        MailPlan build() {
            reports.sort(Comparator.comparing(ArchivedReport::entityType).thenComparing(ArchivedReport::entityId));
            return new MailPlan(head.recipient(), head.reportType(), head.periodStart(), head.periodEnd(), List.copyOf(reports));
        }
    }
}
