package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One mail to write: a recipient's PDFs of one report type for one period, in their language where
 * there is one. The first mail of a recipient, type and period is {@code SCHEDULED}; those after it
 * carry only the reports corrected or added since (see {@link FollowUps}).
 */
record MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports,
                Kind kind) {

    /** What a mail is; a follow-up's subject is marked with its code's text (delivery/messages). */
    enum Kind {
        SCHEDULED, CORRECTED, ADDED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports) {
        this(recipient, reportType, periodStart, periodEnd, reports, Kind.SCHEDULED);
    }

    /** The same recipient, type and period, with only {@code followed}: a mail after the first, marked {@code kind}. */
    MailPlan followUp(Kind kind, List<ArchivedReport> followed) {
        return new MailPlan(recipient, reportType, periodStart, periodEnd, followed, kind);
    }

    /**
     * Identifies the mail across runs: the delivery log sends each key once. A follow-up's key
     * names the content it carries, so each corrected version, and each addition, goes out once.
     */
    String key() {
        String key = String.join("|", reportType, periodStart.toString(), periodEnd.toString(),
                recipient.email().trim().toLowerCase(Locale.ROOT));
        if (kind == Kind.SCHEDULED) {
            return key;
        }
        String contents = reports.stream().map(r -> r.id() + ":" + r.contentSha256()).collect(Collectors.joining(","));
        try {
            return key + "|" + kind.code() + "|" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(contents.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
