package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One mail to write: a recipient's PDFs of one report type for one period, in their language where
 * there is one. The first mail of a recipient, type and period is {@code SCHEDULED}; those after it
 * carry only the reports corrected or added since (see {@link FollowUps}): {@code added} are the
 * reports of {@code reports} new to the recipient, the others of a follow-up are corrected.
 */
record MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports,
                Kind kind, List<ArchivedReport> added) {

    /**
     * What a mail is; a follow-up's subject is marked with its code's text (delivery/messages).
     * {@code CORR_ADDED} carries corrected and added reports in one mail (the name fits delivery_log.kind).
     */
    enum Kind {
        SCHEDULED, CORRECTED, ADDED, CORR_ADDED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports) {
        this(recipient, reportType, periodStart, periodEnd, reports, Kind.SCHEDULED, List.of());
    }

    /** The same mail with only {@code left} of its reports. */
    MailPlan withOnly(List<ArchivedReport> left) {
        return new MailPlan(recipient, reportType, periodStart, periodEnd, left, kind,
                added.stream().filter(left::contains).toList());
    }

    /**
     * The same recipient, type and period, with only the reports {@code corrected} and {@code added}
     * since: a mail after the first, marked for what it carries (both in one mail when it carries both).
     */
    MailPlan followUp(List<ArchivedReport> corrected, List<ArchivedReport> added) {
        Kind kind = added.isEmpty() ? Kind.CORRECTED : corrected.isEmpty() ? Kind.ADDED : Kind.CORR_ADDED;
        List<ArchivedReport> all = new java.util.ArrayList<>(corrected);
        all.addAll(added);
        return new MailPlan(recipient, reportType, periodStart, periodEnd, List.copyOf(all), kind, List.copyOf(added));
    }

    /** The reports of a follow-up corrected since they were mailed (none for a first mail). */
    List<ArchivedReport> corrected() {
        return kind == Kind.SCHEDULED ? List.of() : reports.stream().filter(r -> !added.contains(r)).toList();
    }

    /**
     * Identifies the mail across runs: the delivery log sends each key once. A follow-up's key
     * names the content it carries, so each corrected version, and each addition, goes out once;
     * a mail of both names which are corrected and which added.
     */
    String key() {
        String key = String.join("|", reportType, periodStart.toString(), periodEnd.toString(),
                recipient.email().trim().toLowerCase(Locale.ROOT));
        if (kind == Kind.SCHEDULED) {
            return key;
        }
        String contents = kind == Kind.CORR_ADDED ? contents(corrected()) + ";" + contents(added) : contents(reports);
        try {
            return key + "|" + kind.code() + "|" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(contents.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contents(List<ArchivedReport> reports) {
        return reports.stream().map(r -> r.id() + ":" + r.contentSha256()).collect(Collectors.joining(","));
    }

    /** The key of the first mail of this recipient, type and period, which follow-ups and resends extend. */
    String firstKey() {
        return new MailPlan(recipient, reportType, periodStart, periodEnd, reports).key();
    }

    /** A resend's own key, under the first key: what it carried counts as mailed to the recipient. */
    String resendKey(long sentAtMillis) {
        return firstKey() + "|resent|" + reportIds() + "|" + sentAtMillis;
    }

    String reportIds() {
        return reports.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
    }
}
