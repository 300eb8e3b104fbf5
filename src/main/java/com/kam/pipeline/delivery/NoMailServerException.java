package com.kam.pipeline.delivery;

import java.nio.file.Path;

/**
 * No SMTP server is configured and the outbox is not chosen: no mail can go anywhere. Once a silent
 * fallback to the outbox, which counted mails nobody received as delivered; now a delivery fails
 * with what to set. Without a stack trace: the message says it all.
 */
final class NoMailServerException extends IllegalStateException {

    NoMailServerException(Path outbox) {
        super("no SMTP server is configured: set spring.mail.host (SPRING_MAIL_HOST, with SPRING_MAIL_PORT, SPRING_MAIL_USERNAME"
                + " and SPRING_MAIL_PASSWORD) to mail the reports, or, for a dry run, kam.delivery.outbox=true"
                + " (KAM_DELIVERY_OUTBOX=true) to write them to " + outbox + " as .eml files instead of sending them");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
