package com.kam.pipeline.ingest;

import java.io.BufferedReader;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.CharBuffer;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how a text file is encoded when its source says {@code encoding: auto}: a UTF-8 BOM
 * means UTF-8 and a UTF-16 one UTF-16 (Excel's "Unicode text", tab-separated); a file that
 * decodes as strict UTF-8 is UTF-8; anything else is GB18030, which is what Chinese Excel writes
 * for "CSV".
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Files up to this size are read once into memory and decoded once. */
    private static final long IN_MEMORY_LIMIT = 64L << 20;

    private TextEncoding() {
    }

    /**
     * A reader over the file's text, without the BOM. A file that fits in memory is read and
     * decoded once (the strict UTF-8 attempt is kept when it succeeds); a larger one is checked
     * in a first pass and decoded while streaming.
     */
    static Reader open(Path file, Charset configured) throws IOException {
        if (Files.size(file) > IN_MEMORY_LIMIT) {
            Detected encoding = detect(file, configured);
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(encoding.bomLength());
            return new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16);
        }
        byte[] bytes = Files.readAllBytes(file);
        Detected marked = byteOrderMark(bytes, bytes.length);
        boolean bom = marked != null && marked.charset().equals(StandardCharsets.UTF_8);
        int start = bom ? 3 : 0;
        ByteBuffer text = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer chars;
        if (configured != null) {
            chars = configured.decode(text);
        } else if (marked != null) {
            chars = marked.charset().decode(ByteBuffer.wrap(bytes, marked.bomLength(), bytes.length - marked.bomLength()));
        } else {
            try {
                chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(text);
            } catch (CharacterCodingException notUtf8) {
                chars = GB18030.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            }
        }
        return new CharArrayReader(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
    }

    record Detected(Charset charset, int bomLength) {
    }

    static Detected detect(Path file, Charset configured) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        Detected marked = byteOrderMark(head, n);
        boolean bom = marked != null && marked.charset().equals(StandardCharsets.UTF_8);
        if (configured != null) {
            return new Detected(configured, bom && configured.equals(StandardCharsets.UTF_8) ? 3 : 0);
        }
        if (marked != null) {
            return marked;
        }
        return new Detected(isUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /** The encoding a byte order mark at the start names, with the mark's length; null without one. */
    private static Detected byteOrderMark(byte[] head, int n) {
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        if (n >= 3 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(buffer.length + 8);
            int read;
            while ((read = in.read(buffer)) > 0) {
                pending.put(buffer, 0, read).flip();
                out.clear();
                var result = decoder.decode(pending, out, false);
                if (result.isError()) {
                    return false;
                }
                pending.compact();
            }
            pending.flip();
            out.clear();
            return !decoder.decode(pending, out, true).isError() && !decoder.flush(out).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
