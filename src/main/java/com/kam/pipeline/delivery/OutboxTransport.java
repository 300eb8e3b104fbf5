package com.kam.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Properties;
import org.springframework.mail.MailSendException;

/**
 * Without an SMTP server (the embedded default) each mail is written as an .eml file into the
 * outbox folder, named after its key, where any mail program opens it.
 */
final class OutboxTransport implements MailTransport {

    static final String WRITTEN = "WRITTEN";

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    OutboxTransport(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Sent send(MimeMessage message, String key) {
        try {
            Files.createDirectories(outbox);
            Path file = outbox.resolve(fileName(key));
            Path partial = outbox.resolve(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Sent(WRITTEN, message.getMessageID(), file.toString());
        } catch (IOException | MessagingException e) {
            throw new MailSendException("cannot write to the outbox " + outbox + ": " + e.getMessage(), e);
        }
    }

    /** Readable and unique: type, period and address, plus a short hash of the whole key. */
    static String fileName(String key) {
        String readable = key.replaceAll("[^A-Za-z0-9@._-]+", "_");
        String hash;
        try {
            hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return (readable.length() > 150 ? readable.substring(0, 150) : readable) + "_" + hash + ".eml";
    }
}
