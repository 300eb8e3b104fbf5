package com.kam.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HexFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Writes one mail: subject and body in the recipient's language from the {@code delivery/messages}
 * bundles, each PDF attached or, when larger than the configured size, linked, in a line that says
 * the report's key figures as that PDF shows them ({@link HeadlineText}). A digest or weekly report
 * of days no daily report arrived for says so in its subject and first lines ({@link MissingDailyReports}).
 */
final class MailComposer {

    private final DeliverySettings settings;
    /** By month, the target files refused and not loaded since (report.RefusedTargetFiles): a scorecard mail names them. */
    private final java.util.function.Function<java.time.LocalDate, java.util.List<String>> refusedTargets;
    /** Per mail, the working days of its period that no daily report arrived for (see {@link MissingDailyReports}). */
    private final java.util.function.Function<MailPlan, java.util.List<java.time.LocalDate>> missingDays;

    MailComposer(DeliverySettings settings) {
        this(settings, month -> java.util.List.of(), mail -> java.util.List.of());
    }

    MailComposer(DeliverySettings settings, java.util.function.Function<java.time.LocalDate, java.util.List<String>> refusedTargets,
                 java.util.function.Function<MailPlan, java.util.List<java.time.LocalDate>> missingDays) {
        this.settings = settings;
        this.refusedTargets = refusedTargets;
        this.missingDays = missingDays;
    }

    MimeMessage compose(Session session, MailPlan mail, boolean resent) {
        String language = mail.recipient().mailLanguage();
        ResourceBundle texts = ResourceBundle.getBundle("delivery.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String type = texts.getString("type." + mail.reportType());
        String period = mail.periodStart().equals(mail.periodEnd())
                ? format(texts, "period.day", mail.periodStart())
                : format(texts, "period.range", mail.periodStart(), mail.periodEnd());
        String messageId = "<" + HexFormat.of().formatHex(sha256(mail.key() + (resent ? "|" + System.nanoTime() : "")))
                .substring(0, 32) + "@kam-pipeline>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // stable per mail, so a receiving system can recognise a duplicate after a crash mid-send
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(addressOf(mail.recipient()));
            // a mail after the first says what it brings: "corrected" / "added" / "corr_added" (both, with how many of
            // each) name the subject's mark and the intro
            String followUp = mail.kind() == MailPlan.Kind.SCHEDULED ? null : mail.kind().code();
            int corrected = mail.corrected().size();
            int added = mail.added().size();
            java.util.List<java.time.LocalDate> missing = missingDays.apply(mail);
            helper.setSubject(format(texts, "subject", type, period)
                    + (missing.isEmpty() ? "" : texts.getString("missingDailyReports"))
                    + (followUp != null ? format(texts, followUp, corrected, added) : "")
                    + (resent ? " " + texts.getString("resent") : ""));
            StringBuilder body = new StringBuilder()
                    .append(format(texts, "greeting", mail.recipient().name())).append("\n\n");
            if (!missing.isEmpty()) {
                // before anything else: the report shows everyone as not having reported, and its figures as 0
                body.append(format(texts, "note.missingDailyReports", MissingDailyReports.text(missing,
                        (first, last) -> format(texts, "period.range", first, last)))).append("\n\n");
            }
            body.append(format(texts, followUp != null ? "intro." + followUp : "intro", type, period, mail.reports().size(),
                    corrected, added)).append('\n');
            java.util.List<String> refused = "SCORECARD".equals(mail.reportType()) ? refusedTargets.apply(mail.periodStart())
                    : java.util.List.of();
            if (!refused.isEmpty()) {
                // the scorecards say so too; the mail says it before the reader opens them
                body.append(format(texts, "note.refusedTargets", String.join(", ", refused))).append('\n');
            }
            if (mail.kind() == MailPlan.Kind.CORR_ADDED) {
                // corrections and additions in one mail: each listed under what it is
                body.append(texts.getString("list.corrected")).append('\n');
                attach(helper, body, texts, mail.corrected());
                body.append(texts.getString("list.added")).append('\n');
                attach(helper, body, texts, mail.added());
            } else {
                attach(helper, body, texts, mail.reports());
            }
            body.append('\n').append(texts.getString("footer")).append('\n');
            helper.setText(body.toString());
            message.saveChanges();
        } catch (MessagingException | java.io.IOException e) {
            throw new MailPreparationException("cannot write the mail " + mail.key() + ": " + e.getMessage(), e);
        }
        return message;
    }

    /** Attaches each PDF, or links it when larger than the configured size, with a line of the body naming it and its figures. */
    private void attach(MimeMessageHelper helper, StringBuilder body, ResourceBundle texts, java.util.List<ArchivedReport> pdfs)
            throws MessagingException, java.io.IOException {
        for (ArchivedReport pdf : pdfs) {
            String entity = texts.getString("entity." + pdf.entityType()) + " "
                    + (pdf.entityName() == null ? pdf.entityId() : pdf.entityName());
            Path file = pdf.file();
            if (!Files.isReadable(file)) {
                throw new MailPreparationException("archived report " + pdf.id() + " is missing its file " + file);
            }
            String name = file.getFileName().toString();
            // the report's key figures, as written with this PDF, before the reader opens it
            java.util.Optional<String> figures = HeadlineText.of(pdf, texts);
            boolean linked = Files.size(file) > settings.attachMaxBytes();
            String line = (linked ? "line.link" : "line.attached") + (figures.isPresent() ? ".figures" : "");
            body.append(format(texts, line, entity, pdf.entityId(), linked ? link(file) : name, figures.orElse(""))).append('\n');
            if (!linked) {
                helper.addAttachment(name, new FileSystemResource(file), "application/pdf");
            }
        }
    }

    private String link(Path file) {
        String prefix = settings.linkPrefix();
        if (prefix == null || prefix.isEmpty()) {
            return file.toAbsolutePath().toUri().toString();
        }
        return prefix + file.toString().replace('\\', '/');
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Number ? args[i].toString() : String.valueOf(args[i]);
        }
        return MessageFormat.format(texts.getString(key), shown);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recipient with the name from the organisation file, so a mail client shows 陈斌, not only the address. */
    private static jakarta.mail.internet.InternetAddress addressOf(Person person) {
        String email = person.email().trim();
        try {
            // checked as an address first: a name set with it is not checked
            jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(email, true);
            if (person.name() != null && !person.name().isBlank() && !person.name().trim().equals(email)) {
                address.setPersonal(person.name().trim(), "UTF-8");
            }
            return address;
        } catch (java.io.UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new MailPreparationException("bad address " + email + ": " + e.getMessage(), e);
        }
    }
}
