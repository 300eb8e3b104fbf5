package com.kam.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends through the SMTP server of {@code spring.mail.*}. */
final class SmtpTransport implements MailTransport {

    static final String SENT = "SENT";

    private final JavaMailSenderImpl sender;

    private static final List<String> TIMEOUTS = List.of("connectiontimeout", "timeout", "writetimeout");

    SmtpTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    /**
     * Gives the connection timeouts it lacks (JavaMail waits forever by default), for the smtp and
     * smtps protocols; those set in spring.mail.properties stay.
     */
    SmtpTransport(JavaMailSenderImpl sender, Duration timeout) {
        this(sender);
        Properties properties = sender.getJavaMailProperties();
        boolean added = false;
        for (String protocol : List.of("mail.smtp.", "mail.smtps.")) {
            for (String name : TIMEOUTS) {
                added |= properties.putIfAbsent(protocol + name, Long.toString(timeout.toMillis())) == null;
            }
        }
        if (added) {
            sender.setJavaMailProperties(properties); // drops a session made without them
        }
    }

    /** How long a silent server is waited for, as the session will apply it. */
    Duration readTimeout() {
        return Duration.ofMillis(Long.parseLong(sender.getJavaMailProperties().getProperty("mail.smtp.timeout", "0")));
    }

    /** host:port, as the operator configured it. */
    String server() {
        return sender.getHost() + (sender.getPort() > 0 ? ":" + sender.getPort() : "");
    }

    JavaMailSenderImpl sender() {
        return sender;
    }

    @Override
    public Session session() {
        return sender.getSession();
    }

    @Override
    public List<String> deliveredStatuses() {
        return List.of(SENT);
    }

    @Override
    public Sent send(MimeMessage message, String key) {
        sender.send(message);
        try {
            return new Sent(SENT, message.getMessageID(), null);
        } catch (MessagingException e) {
            return new Sent(SENT, null, null);
        }
    }
}
