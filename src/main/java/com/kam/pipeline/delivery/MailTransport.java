package com.kam.pipeline.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where a composed mail goes: an SMTP server, or the outbox folder when {@code kam.delivery.outbox} is on. */
interface MailTransport {

    /** What became of a mail that left. */
    record Sent(String status, String messageId, String outboxFile) {
    }

    Session session();

    /**
     * The delivery_log statuses of mails this transport does not deliver again: an SMTP run counts
     * only mails a server accepted (an .eml in the outbox reached nobody, so it is sent then); an
     * outbox run also those it wrote.
     */
    java.util.List<String> deliveredStatuses();

    /** Sends the mail; throws a Spring {@code MailException} when it could not. */
    Sent send(MimeMessage message, String key);
}
