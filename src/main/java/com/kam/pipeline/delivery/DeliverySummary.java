package com.kam.pipeline.delivery;

import java.util.List;

/**
 * What a delivery run did: mails sent (or written to the outbox), mails an earlier run had
 * already delivered, and the ones that failed, each with its reason.
 */
public record DeliverySummary(int reports, int mails, int delivered, int alreadyDelivered, List<DeliveryLog.Failure> failures,
                              List<String> unaddressed, String destination) {

    public boolean allDelivered() {
        return failures.isEmpty();
    }

    public String format() {
        StringBuilder text = new StringBuilder().append(String.format(
                "  %d report(s), %d mail(s): %d delivered to %s, %d already delivered earlier, %d failed%n",
                reports, mails, delivered, destination, alreadyDelivered, failures.size()));
        for (DeliveryLog.Failure f : failures) {
            text.append(String.format("  FAILED %s %s %s..%s after %d attempt(s): %s%n", f.email(), f.reportType(),
                    f.periodStart(), f.periodEnd(), f.attempts(), f.error()));
        }
        for (String u : unaddressed) {
            text.append("  not sent: ").append(u).append(System.lineSeparator());
        }
        return text.toString();
    }
}
