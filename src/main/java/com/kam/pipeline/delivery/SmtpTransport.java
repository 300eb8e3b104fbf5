package com.kam.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends through the SMTP server of {@code spring.mail.*}. */
final class SmtpTransport implements MailTransport {

    static final String SENT = "SENT";

    private final JavaMailSenderImpl sender;

    SmtpTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    JavaMailSenderImpl sender() {
        return sender;
    }

    @Override
    public Session session() {
        return sender.getSession();
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
