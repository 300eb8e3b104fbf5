package com.kam.pipeline.delivery;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Sends one mail, retrying transient failures (server down, timeouts, 4xx replies) with a
 * growing wait; a permanent failure (5xx reply, bad address, bad login, unreadable file) is
 * not retried.
 */
final class RetryingSender {

    private static final Logger log = LoggerFactory.getLogger(RetryingSender.class);

    /**
     * How one mail ended: sent (or written), or failed after {@code attempts} tries;
     * {@code unreachable} says why the server itself could not be reached (null: it answered, or
     * the failure was this mail's own), which no later mail of the run would fare better with.
     */
    record Outcome(MailTransport.Sent sent, int attempts, boolean permanent, String error, String unreachable) {
        Outcome(MailTransport.Sent sent, int attempts, boolean permanent, String error) {
            this(sent, attempts, permanent, error, null);
        }

        boolean delivered() {
            return sent != null;
        }
    }

    private final DeliverySettings.Retry retry;

    RetryingSender(DeliverySettings.Retry retry) {
        this.retry = retry;
    }

    Outcome send(MailTransport transport, MimeMessage message, String key) {
        long wait = retry.delay().toMillis();
        int attempts = Math.max(1, retry.attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return new Outcome(transport.send(message, key), attempt, false, null);
            } catch (MailException e) {
                boolean permanent = isPermanent(e);
                String error = describe(e);
                if (permanent || attempt >= attempts) {
                    log.warn("mail {} not delivered after {} attempt(s){}: {}", key, attempt,
                            permanent ? " (permanent failure)" : "", error);
                    return new Outcome(null, attempt, permanent, error, permanent ? null : unreachable(e, transport));
                }
                log.info("mail {} attempt {} failed ({}); retrying in {} ms", key, attempt, error, wait);
                sleep(wait);
                wait = (long) (wait * retry.multiplier());
            }
        }
    }

    static boolean isPermanent(Throwable e) {
        if (e instanceof MailAuthenticationException || e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AddressException) {
                return true;
            }
            // the SMTP reply as the mail provider words its exceptions: "550 5.1.1 ..." is final, "451 ..." is not
            String reply = t.getMessage() == null ? "" : t.getMessage().trim();
            if (reply.matches("(?s)5\\d\\d[ -].*")) {
                return true;
            }
            if (reply.matches("(?s)4\\d\\d[ -].*")) {
                return false;
            }
            if (t instanceof SendFailedException f && f.getInvalidAddresses() != null && f.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception inner : send.getFailedMessages().values()) {
                    if (inner != t && isPermanent(inner)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Why the server could not be reached at all (refused, unknown host, no answer in time, closed
     * before its greeting), or null when it answered: a 4xx or 5xx reply is about one mail.
     */
    static String unreachable(Throwable e, MailTransport transport) {
        // a connection dropped while one mail was being sent (an attachment the server refuses) is that
        // mail's failure; only one dropped while connecting says the server is gone
        boolean connecting = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            connecting |= t.getClass().getSimpleName().equals("MailConnectException")
                    || String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect to");
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                java.time.Duration timeout = transport instanceof SmtpTransport smtp ? smtp.readTimeout() : null;
                if (timeout == null || timeout.isZero()) {
                    return "no answer (" + t.getMessage() + ")";
                }
                return "no answer within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                        : timeout.toMillis() + " ms") + " (kam.delivery.smtp-timeout)";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
            if ((t instanceof java.io.EOFException || t instanceof java.net.SocketException) && connecting) {
                return "connection closed before the server answered (" + t.getMessage() + ")";
            }
            String reply = t.getMessage() == null ? "" : t.getMessage().trim();
            if (reply.startsWith("Could not connect to SMTP host")) {
                return reply; // e.g. a 421 greeting: the server takes no mail at all now
            }
            if (reply.matches("(?s)[45]\\d\\d[ -].*")) {
                return null;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > 1900 ? message.substring(0, 1900) : message;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a mail", e);
        }
    }
}
