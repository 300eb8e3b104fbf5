package com.kam.pipeline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.MailSendException;

/**
 * With {@code kam.delivery.outbox} on (the demo, a dry run) each mail is written as an .eml file
 * into the outbox folder, named after its key, where any mail program opens it, and sent to
 * nobody. The files carry sales figures: where the file system has POSIX permissions, the folder
 * this creates and every file are its owner's only (rwx------, rw-------).
 */
final class OutboxTransport implements MailTransport {

    static final String WRITTEN = "WRITTEN";

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    OutboxTransport(Path outbox) {
        this.outbox = outbox;
    }

    Path folder() {
        return outbox;
    }

    @Override
    public Session session() {
        return session;
    }

    /** A mail already sent needs no copy in the outbox, nor one written there before a second. */
    @Override
    public List<String> deliveredStatuses() {
        return List.of(SmtpTransport.SENT, WRITTEN);
    }

    @Override
    public Sent send(MimeMessage message, String key) {
        try {
            boolean posix = posix();
            if (!Files.isDirectory(outbox)) {
                Files.createDirectories(outbox.toAbsolutePath().getParent());
                try {
                    Files.createDirectory(outbox, posix ? ownerOnly("rwx------") : new FileAttribute<?>[0]);
                } catch (java.nio.file.FileAlreadyExistsException another) {
                    // made meanwhile: written into as it is
                }
            }
            Path file = outbox.resolve(fileName(key));
            Path partial = outbox.resolve(file.getFileName() + ".part");
            Files.deleteIfExists(partial); // left by a run that died mid-write
            // created owner-only, not narrowed afterwards: no moment in which others could open it
            Files.createFile(partial, posix ? ownerOnly("rw-------") : new FileAttribute<?>[0]);
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Sent(WRITTEN, message.getMessageID(), file.toString());
        } catch (IOException | MessagingException e) {
            throw new MailSendException("cannot write to the outbox " + outbox + ": " + e.getMessage(), e);
        }
    }

    private boolean posix() {
        return outbox.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
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
