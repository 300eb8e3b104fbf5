package com.kam.pipeline.delivery;

import com.kam.pipeline.system.PipelineMetrics;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * Mails the reports a run archived to the people the distribution rules name, once each: the
 * delivery log skips what an earlier run delivered, transient failures are retried, and a mail
 * that fails does not hold back the others. Mails go to the SMTP server of {@code spring.mail.*},
 * or to the outbox folder when {@code kam.delivery.outbox} is chosen; with neither, nothing goes
 * ({@link NoMailServerException}).
 */
@Service
public class DeliveryService implements com.kam.pipeline.system.ConfigurationCheck {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final ArchivedReports archive;
    private final DeliveryLog deliveryLog;
    private final JdbcTemplate jdbc;
    private final DeliverySettings settings;
    private final ObjectProvider<JavaMailSender> smtp;
    private final PipelineMetrics metrics;
    private final com.kam.pipeline.system.KamProperties properties;

    DeliveryService(ArchivedReports archive, DeliveryLog deliveryLog, JdbcTemplate jdbc, DeliverySettings settings,
                    ObjectProvider<JavaMailSender> smtp, PipelineMetrics metrics, com.kam.pipeline.system.KamProperties properties) {
        this.archive = archive;
        this.deliveryLog = deliveryLog;
        this.jdbc = jdbc;
        this.settings = settings;
        this.smtp = smtp;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Reads and checks the distribution file; throws {@link com.kam.pipeline.system.ConfigException} with file, line and reason. */
    @Override
    public void check() {
        DistributionRules.load(settings.distribution());
    }

    /** Delivers the reports archived for a business date ({@code reportType} null: all types). */
    public DeliverySummary deliver(LocalDate businessDate, String reportType, Long jobExecutionId, Path out) {
        MailTransport transport = transport(out);
        if (transport instanceof SmtpTransport && senderWarning() != null) {
            log.warn(senderWarning());
        }
        DistributionRules rules = DistributionRules.load(settings.distribution());
        List<ArchivedReport> reports = archive.ofBusinessDate(businessDate, reportType);
        Map<LocalDate, OrgSnapshot> orgs = new HashMap<>();
        java.util.function.Function<LocalDate, OrgSnapshot> orgOn = day -> orgs.computeIfAbsent(day, d -> OrgSnapshot.on(jdbc, d));
        DeliveryPlanner.Plan plan = DeliveryPlanner.plan(reports, rules,
                report -> orgOn.apply(OrgSnapshot.dayFor(jdbc, report, orgOn.apply(report.periodEnd()))));
        List<String> deliveredStatuses = transport.deliveredStatuses();
        MissingDailyReports missingDays = missingDailyReports();
        MailComposer composer = composer(missingDays);
        RetryingSender sender = new RetryingSender(settings.retry());
        // per report type and period, the mails that say no daily report arrived for some of its days
        Map<String, Integer> sayMissing = new java.util.TreeMap<>();
        int delivered = 0;
        int already = 0;
        List<DeliveryLog.Failure> failures = new ArrayList<>();
        DeliverySummary.Unreachable unreachable = null;
        int corrected = 0;
        int added = 0;
        int fromOutbox = 0;
        int mails = 0;
        com.kam.pipeline.system.ProgressLine progress = new com.kam.pipeline.system.ProgressLine(log);
        int done = 0;
        for (MailPlan planned : plan.mails()) {
            progress.step(false, "deliver: {} of {} mails done ({} delivered, {} failed)", done++, plan.mails().size(), delivered,
                    failures.size());
            // delivered before: only the reports corrected or added since go, in one mail that says which are which
            // (an SMTP run counts only mails a server took: those only written to the outbox go now)
            Optional<MailPlan> toSend = isDone(planned, deliveredStatuses)
                    ? FollowUps.of(planned, deliveryLog.mailedBefore(planned, deliveredStatuses), reports)
                            .filter(m -> !isDone(m, deliveredStatuses))
                    : FollowUps.firstStillToSend(planned, deliveryLog.mailedBefore(planned, deliveredStatuses));
            mails++;
            if (toSend.isEmpty()) {
                already++;
                continue;
            }
            MailPlan mail = toSend.get();
            String kind = mail.kind().name();
            if (unreachable != null) {
                // the server is gone: every further mail would wait out its own retries for nothing
                deliveryLog.record(mail.key(), kind, businessDate, jobExecutionId, mail,
                        new RetryingSender.Outcome(null, 0, false, "not tried: " + unreachable.server() + " unreachable"));
                unreachable = unreachable.oneMore();
                continue;
            }
            // written to the outbox by an earlier run (and not sent since, or it would not be sent now)
            boolean inOutbox = transport instanceof SmtpTransport && deliveryLog.outboxFileOf(mail.key()).isPresent();
            RetryingSender.Outcome outcome = send(transport, composer, sender, mail, mail.key(), false);
            deliveryLog.record(mail.key(), kind, businessDate, jobExecutionId, mail, outcome);
            if (outcome.delivered()) {
                // what it carried, corrected and added alike, counts as mailed from now on
                deliveryLog.recordContents(mail.key(), mail);
                delivered++;
                List<LocalDate> missing = missingDays.of(mail);
                if (!missing.isEmpty()) {
                    sayMissing.merge(mail.reportType() + " " + mail.periodStart() + (mail.periodEnd().equals(mail.periodStart())
                            ? "" : ".." + mail.periodEnd()) + " say that no"
                            + " daily report arrived for " + MissingDailyReports.text(missing), 1, Integer::sum);
                }
                corrected += mail.corrected().isEmpty() ? 0 : 1;
                added += mail.added().isEmpty() ? 0 : 1;
                fromOutbox += inOutbox ? 1 : 0;
            } else {
                failures.add(new DeliveryLog.Failure(mail.recipient().email(), mail.reportType(), mail.periodStart(),
                        mail.periodEnd(), outcome.attempts(), outcome.error()));
                if (outcome.unreachable() != null) {
                    unreachable = new DeliverySummary.Unreachable(server(transport), outcome.attempts(), outcome.unreachable(), 1);
                    log.error("mail server {} unreachable after {} attempt(s) ({}): the run's other mails are not tried",
                            unreachable.server(), outcome.attempts(), outcome.unreachable());
                }
            }
        }
        plan.missing().forEach(log::warn);
        List<String> warnings = new ArrayList<>();
        sayMissing.forEach((what, count) -> warnings.add(count + " mail(s) of " + what));
        return new DeliverySummary(reports.size(), mails, delivered, already, failures, plan.reportsMissingSomeone(),
                plan.missing(), destination(transport), unreachable, corrected, added, transport instanceof OutboxTransport,
                fromOutbox, warnings);
    }

    /**
     * Mails that say so when a month's scorecards were scored without a refused target file, and
     * when a digest or weekly report is of days no daily report arrived for.
     */
    private MailComposer composer(MissingDailyReports missingDays) {
        return new MailComposer(settings, month -> com.kam.pipeline.report.RefusedTargetFiles.of(jdbc, month), missingDays::of);
    }

    private MissingDailyReports missingDailyReports() {
        return new MissingDailyReports(jdbc, () -> com.kam.pipeline.rollup.RollupSettings.load(properties.jobs()));
    }

    private boolean isDone(MailPlan mail, List<String> deliveredStatuses) {
        return deliveryLog.statusOf(mail.key()).map(deliveredStatuses::contains).orElse(false);
    }

    /** Sends one archived report to one address again, whatever the log says, and logs it. */
    public RetryingSender.Outcome resend(long reportId, String email, Path out) {
        ArchivedReport report = archive.byId(reportId)
                .orElseThrow(() -> new IllegalArgumentException("no archived report with id " + reportId));
        Person person = OrgSnapshot.on(jdbc, report.periodEnd()).byEmail(email)
                .orElse(new Person(null, email, "", email, report.language(), null, null, null));
        MailPlan mail = new MailPlan(person, report.reportType(), report.periodStart(), report.periodEnd(), List.of(report));
        String key = mail.resendKey(System.currentTimeMillis());
        RetryingSender.Outcome outcome = send(transport(out), composer(missingDailyReports()), new RetryingSender(settings.retry()),
                mail, key, true);
        deliveryLog.record(key, "RESEND", report.businessDate(), null, mail, outcome);
        if (outcome.delivered()) {
            // what it carried counts as mailed to that address: deliver sends no correction it already had
            deliveryLog.recordContents(key, mail);
        }
        return outcome;
    }

    /**
     * The reports archived for a date, one line each: id (what {@code resend --report} takes), type,
     * entity, period, language, file and whom deliveries sent it to.
     */
    public List<String> archivedReports(LocalDate businessDate) {
        Map<Long, Map<String, String>> to = deliveryLog.recipientsByReport(businessDate);
        List<String> lines = new ArrayList<>();
        for (ArchivedReport r : archive.ofBusinessDate(businessDate, null)) {
            Map<String, String> had = to.getOrDefault(r.id(), Map.of());
            List<String> mailed = had.keySet().stream().filter(e -> SmtpTransport.SENT.equals(had.get(e))).toList();
            List<String> written = had.keySet().stream().filter(e -> !mailed.contains(e)).toList();
            List<String> said = new ArrayList<>();
            if (!mailed.isEmpty()) {
                said.add("mailed to " + String.join(", ", mailed));
            }
            if (!written.isEmpty()) {
                said.add("only in the outbox for " + String.join(", ", written));
            }
            lines.add(String.format("%6d  %-9s %-6s %-10s %-10s %s..%s  %-2s  %s  %s", r.id(), r.reportType(), r.entityType(),
                    r.entityId(), r.entityName() == null ? "" : r.entityName(), r.periodStart(), r.periodEnd(), r.language(),
                    r.file(), said.isEmpty() ? "not mailed" : String.join("; ", said)));
        }
        return lines;
    }

    /** Where mails go in this configuration: the SMTP server or the outbox folder. */
    public String destination(Path out) {
        return destination(transport(out));
    }

    /**
     * Connects to the SMTP server and logs in, as a delivery would, and says so; with the outbox
     * chosen, where the mails are written instead. Throws when the server does not answer or
     * refuses the login, and when there is neither a server nor the outbox.
     */
    public String checkMailServer(Path out) {
        MailTransport transport = transport(out);
        if (transport instanceof SmtpTransport smtp) {
            try {
                smtp.sender().testConnection();
            } catch (jakarta.mail.MessagingException e) {
                String unreachable = RetryingSender.unreachable(e, transport);
                throw new IllegalStateException(destination(transport) + (unreachable != null ? " unreachable: " + unreachable
                        : " does not answer or refuses the login: " + e.getMessage()), e);
            }
            return destination(transport) + " answers and accepts the login";
        }
        return "kam.delivery.outbox is on: mails are written to " + ((OutboxTransport) transport).folder()
                + " as .eml files and sent to nobody";
    }

    /**
     * What the mail settings get wrong without stopping a delivery: the built-in sender address
     * used with a real server, or a server configured while the outbox keeps every mail from it.
     */
    public List<String> mailWarnings() {
        List<String> warnings = new ArrayList<>();
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl && settings.outbox()) {
            warnings.add("spring.mail.host is set (smtp://" + impl.getHost() + ":" + impl.getPort() + "), but kam.delivery.outbox"
                    + " is on: no mail is sent to it; set kam.delivery.outbox=false (KAM_DELIVERY_OUTBOX) to mail the reports");
        } else if (sender != null && senderWarning() != null) {
            warnings.add(senderWarning());
        }
        return warnings;
    }

    /**
     * Who the distribution rules would name and the organisation of {@code day} lacks: manager_ids
     * that name nobody, teams without a lead, regions without a manager ({@link OrgSnapshot#gaps}).
     * Their reports still go to the others; the deliver summary names each report that misses someone.
     */
    public List<String> orgWarnings(LocalDate day) {
        return OrgSnapshot.on(jdbc, day).gaps().stream()
                .map(gap -> gap + "; deliver sends no report there, nor to anyone in its place").toList();
    }

    /** Null, or why kam.delivery.from will not do for a real mail server: the built-in default, or another @localhost. */
    private String senderWarning() {
        String from = settings.from().trim();
        if (!from.toLowerCase(java.util.Locale.ROOT).endsWith("@localhost")) {
            return null;
        }
        return "kam.delivery.from is " + (from.equalsIgnoreCase(DeliverySettings.DEFAULT_FROM) ? "still the built-in default "
                : "") + from + ": set it (KAM_DELIVERY_FROM) to an address of your mail domain that may send, e.g."
                + " kam-reports@your-company.com; mail from @localhost is often refused or filed as spam, and replies reach nobody";
    }

    private RetryingSender.Outcome send(MailTransport transport, MailComposer composer, RetryingSender sender, MailPlan mail,
                                        String key, boolean resent) {
        RetryingSender.Outcome outcome;
        try {
            MimeMessage message = composer.compose(transport.session(), mail, resent);
            outcome = sender.send(transport, message, key);
        } catch (org.springframework.mail.MailException e) {
            outcome = new RetryingSender.Outcome(null, 1, true, e.getMessage());
        }
        if (outcome.delivered()) {
            metrics.mailSent(mail.reportType());
        } else {
            metrics.mailFailed(mail.reportType());
        }
        return outcome;
    }

    /** The outbox when chosen (whether or not a server is set: a dry run sends nothing), else the SMTP server. */
    private MailTransport transport(Path out) {
        if (settings.outbox()) {
            return new OutboxTransport(out.resolve("outbox"));
        }
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl) {
            return new SmtpTransport(impl, settings.smtpTimeout());
        }
        throw new NoMailServerException(out.resolve("outbox"));
    }

    private static String server(MailTransport transport) {
        return transport instanceof SmtpTransport smtp ? smtp.server() : "the outbox";
    }

    private static String destination(MailTransport transport) {
        if (transport instanceof OutboxTransport outbox) {
            return "the outbox " + outbox.folder() + " (kam.delivery.outbox: not mailed)";
        }
        JavaMailSenderImpl impl = ((SmtpTransport) transport).sender();
        return "smtp://" + impl.getHost() + ":" + impl.getPort();
    }
}
