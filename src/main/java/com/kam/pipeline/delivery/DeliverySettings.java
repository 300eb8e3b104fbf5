package com.kam.pipeline.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail delivery settings ({@code kam.delivery.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}. Who gets what is in the distribution file. Mails go to the SMTP server;
 * without one, and without {@code outbox} chosen, a delivery fails rather than mail nobody.
 *
 * @param distribution   the distribution rules file
 * @param from           sender address; the default, kam-pipeline@localhost, is for the demo: {@code kam check}
 *                       warns when it is still set while mails go to an SMTP server
 * @param attachMaxBytes a PDF larger than this is sent as a link instead of an attachment
 * @param linkPrefix     prepended to the archived file path to make the link (e.g. a file share or
 *                       web server URL); empty = the file's absolute {@code file:} URI
 * @param retry          how transient SMTP failures are retried
 * @param smtpTimeout    connect, read and write timeout of the SMTP connection (JavaMail has none by
 *                       default: a server that accepts and never answers would hold the run forever);
 *                       {@code spring.mail.properties.mail.smtp.*timeout} set explicitly wins
 * @param outbox         write every mail as an .eml file to {@code out/outbox/} instead of sending it (the
 *                       demo, a dry run), SMTP server or not; such mails still go when a later run has a server
 */
@ConfigurationProperties("kam.delivery")
record DeliverySettings(
        @DefaultValue("jobs/distribution.yml") Path distribution,
        @DefaultValue(DeliverySettings.DEFAULT_FROM) String from,
        @DefaultValue("10000000") long attachMaxBytes,
        @DefaultValue("") String linkPrefix,
        @DefaultValue Retry retry,
        @DefaultValue("30s") Duration smtpTimeout,
        @DefaultValue("false") boolean outbox) {

    /** The built-in sender address, which a production mail server should not be sent from. */
    static final String DEFAULT_FROM = "kam-pipeline@localhost";

    /**
     * @param attempts   tries per mail, the first included
     * @param delay      wait before the second try
     * @param multiplier each later wait is this many times the previous one
     */
    record Retry(@DefaultValue("4") int attempts, @DefaultValue("2s") Duration delay, @DefaultValue("2.0") double multiplier) {
    }
}
