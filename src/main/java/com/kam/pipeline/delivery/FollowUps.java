package com.kam.pipeline.delivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What goes to a recipient after their mail of a type and period was delivered: the reports
 * corrected since (content other than the one last mailed to them), marked corrected, and the
 * reports added since (rendered after it: a rep who joined, a report rendered late), marked added;
 * both in one mail when there are both, which says which are which; once. A report counts as had
 * when any language of it was mailed to them, so a version in a new language is not news.
 */
final class FollowUps {

    private FollowUps() {
    }

    /**
     * The first mail as still to send: without the reports whose present content a resend already
     * mailed the recipient (sent by hand while the scheduled mail failed); empty when none is left.
     */
    static Optional<MailPlan> firstStillToSend(MailPlan planned, DeliveryLog.Mailed mailed) {
        List<ArchivedReport> left = planned.reports().stream().filter(r -> r.contentSha256() == null
                || !r.contentSha256().equals(mailed.contents().get(r.id()))).toList();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(left.size() == planned.reports().size() ? planned : planned.withOnly(left));
    }

    /**
     * The one mail that follows {@code delivered}, if anything changed since; {@code archived}: the
     * reports of the run, all languages, which tell what a mailed id was about.
     */
    static Optional<MailPlan> of(MailPlan delivered, DeliveryLog.Mailed mailed, List<ArchivedReport> archived) {
        Set<ArchivedReport.Subject> had = archived.stream().filter(r -> mailed.reportIds().contains(r.id()))
                .map(ArchivedReport::subject).collect(Collectors.toSet());
        // a report with no content on record either side (archived before it was kept) counts as unchanged
        List<ArchivedReport> corrected = delivered.reports().stream().filter(r -> r.contentSha256() != null
                && mailed.contents().containsKey(r.id()) && !mailed.contents().get(r.id()).equals(r.contentSha256())).toList();
        List<ArchivedReport> added = delivered.reports().stream().filter(r -> !had.contains(r.subject())).toList();
        if (corrected.isEmpty() && added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(delivered.followUp(corrected, added));
    }
}
