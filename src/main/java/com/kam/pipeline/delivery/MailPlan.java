package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One mail to write: a recipient's PDFs of one report type for one period, in their language where
 * there is one. A {@code correction} carries only the reports whose content changed since they were
 * mailed to this recipient.
 */
record MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports,
                boolean correction) {

    MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports) {
        this(recipient, reportType, periodStart, periodEnd, reports, false);
    }

    /** The same recipient, type and period, with only {@code changed}: mailed again, marked corrected. */
    MailPlan correctionOf(List<ArchivedReport> changed) {
        return new MailPlan(recipient, reportType, periodStart, periodEnd, changed, true);
    }

    /**
     * Identifies the mail across runs: the delivery log sends each key once. A correction's key
     * names the content it carries, so each corrected version goes out once.
     */
    String key() {
        String key = String.join("|", reportType, periodStart.toString(), periodEnd.toString(),
                recipient.email().trim().toLowerCase(Locale.ROOT));
        if (!correction) {
            return key;
        }
        String contents = reports.stream().map(r -> r.id() + ":" + r.contentSha256()).collect(Collectors.joining(","));
        try {
            return key + "|corrected|" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(contents.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of the first mail of this recipient, type and period, which corrections and resends follow. */
    String firstKey() {
        return correction ? new MailPlan(recipient, reportType, periodStart, periodEnd, reports).key() : key();
    }

    /** A resend's own key, under the first key: what it carried counts as mailed to the recipient. */
    String resendKey(long sentAtMillis) {
        return firstKey() + "|resent|" + reportIds() + "|" + sentAtMillis;
    }

    String reportIds() {
        return reports.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
    }
}
