package com.kam.pipeline.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where a composed mail goes: an SMTP server, or the outbox folder when none is configured. */
interface MailTransport {

    /** What became of a mail that left. */
    record Sent(String status, String messageId, String outboxFile) {
    }

    Session session();

    /** Sends the mail; throws a Spring {@code MailException} when it could not. */
    Sent send(MimeMessage message, String key);
}
