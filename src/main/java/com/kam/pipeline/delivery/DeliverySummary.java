package com.kam.pipeline.delivery;

import java.util.List;

/**
 * What a delivery run did: mails sent (or, {@code outbox}, written to the outbox), of which
 * {@code corrected} carried reports corrected since an earlier run mailed them, {@code added} reports
 * added to a mail an earlier run delivered (a mail of both counts in each) and {@code fromOutbox} had
 * only been written to the outbox before; mails an earlier run had already delivered unchanged, and
 * the ones that failed, each with its reason; {@code missingRecipients}: whom {@code reportsMissingSomeone}
 * reports did not reach of those their distribution rule names, and why, a line per report and reason
 * ({@link MissingRecipients}); {@code warnings}: the mails delivered that say no daily report arrived
 * for days of their period, per report type and period.
 */
public record DeliverySummary(int reports, int mails, int delivered, int alreadyDelivered, List<DeliveryLog.Failure> failures,
                              int reportsMissingSomeone, List<String> missingRecipients, String destination,
                              Unreachable unreachable, int corrected, int added, boolean outbox, int fromOutbox,
                              List<String> warnings) {

    /**
     * The server could not be reached for one mail after all its attempts, so the run stopped
     * trying: {@code notSent} counts that mail and those after it.
     */
    public record Unreachable(String server, int attempts, String reason, int notSent) {
        Unreachable oneMore() {
            return new Unreachable(server, attempts, reason, notSent + 1);
        }

        /** The mails after the first that could not be sent, which were not tried. */
        int notTried() {
            return notSent - 1;
        }
    }

    /** What the run leaves as its warnings: the reports that missed someone, then the mails that say days are missing. */
    public List<String> allWarnings() {
        List<String> all = new java.util.ArrayList<>(missingRecipients);
        all.addAll(warnings);
        return all;
    }

    public boolean allDelivered() {
        return failures.isEmpty() && unreachable == null;
    }

    public String format() {
        List<String> followUps = new java.util.ArrayList<>();
        if (corrected > 0) {
            followUps.add(corrected + " of them with reports corrected since they were mailed");
        }
        if (added > 0) {
            followUps.add(added + " of them with reports added since the first mail");
        }
        if (fromOutbox > 0) {
            followUps.add(fromOutbox + " of them only written to the outbox before");
        }
        StringBuilder text = new StringBuilder().append(String.format(
                "  %d report(s), %d mail(s): %d %s %s%s, %d %s, %d failed%s%s%n",
                reports, mails, delivered, outbox ? "written to" : "delivered to", destination,
                followUps.isEmpty() ? "" : " (" + String.join(", ", followUps) + ")",
                alreadyDelivered, outbox ? "already sent or written earlier" : "already delivered earlier", failures.size(),
                unreachable == null ? "" : ", " + unreachable.notTried() + " not tried",
                reportsMissingSomeone == 0 ? "" : "; " + reportsMissingSomeone + " report(s) not sent to everyone their"
                        + " distribution rule names (WARN below)"));
        for (DeliveryLog.Failure f : failures) {
            text.append(String.format("  FAILED %s %s %s..%s after %d attempt(s): %s%n", f.email(), f.reportType(),
                    f.periodStart(), f.periodEnd(), f.attempts(), f.error()));
        }
        if (unreachable != null) {
            text.append(String.format("  mail server %s unreachable after %d attempt(s) (%s): %d mail(s) not sent;"
                    + " run deliver again when it is back%n", unreachable.server(), unreachable.attempts(), unreachable.reason(),
                    unreachable.notSent()));
        }
        for (String w : allWarnings()) {
            text.append("  WARN: ").append(w).append(System.lineSeparator());
        }
        return text.toString();
    }
}
