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
 * for "CSV". A file that is UTF-8 in most lines but not in some (a cell pasted in from a GBK file)
 * is neither: it is refused ({@link MixedEncoding}), since either decoding garbles part of it.
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
        } else if (marked != null && !bom) {
            chars = marked.charset().decode(ByteBuffer.wrap(bytes, marked.bomLength(), bytes.length - marked.bomLength()));
        } else {
            try {
                chars = strictUtf8().decode(text);
            } catch (CharacterCodingException notUtf8) {
                refuseMixed(new java.io.ByteArrayInputStream(bytes, start, bytes.length - start), bom);
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
        if (marked != null && !bom) {
            return marked;
        }
        boolean utf8 = isUtf8(file);
        if (!utf8) {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(bom ? 3 : 0);
                refuseMixed(new java.io.BufferedInputStream(in, 1 << 16), bom);
            }
        }
        return bom ? marked : new Detected(utf8 ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /**
     * A text file that no one encoding reads right: UTF-8 in most of its lines with non-ASCII
     * text (or marked UTF-8 by a BOM), not in some. Decoded as GB18030 its UTF-8 text would be
     * garbled and as UTF-8 the other lines, so the file is refused.
     *
     * @param line the first line that is not UTF-8
     */
    static final class MixedEncoding extends IOException {
        final long line;

        MixedEncoding(String message, long line) {
            super(message);
            this.line = line;
        }
    }

    /**
     * Reads the text line by line (the BOM left out) and throws {@link MixedEncoding} when some
     * lines are not UTF-8 while most lines with non-ASCII text are, or all must be ({@code
     * markedUtf8}); a file mostly in another encoding passes (it is GB18030).
     */
    private static void refuseMixed(InputStream in, boolean markedUtf8) throws IOException {
        CharsetDecoder utf8 = strictUtf8();
        java.util.List<Long> notUtf8 = new java.util.ArrayList<>();
        byte[] firstBad = null;
        long utf8Lines = 0;
        long line = 1;
        java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b == '\n' || b < 0) {
                byte[] bytes = current.toByteArray();
                if (!ascii(bytes)) {
                    try {
                        utf8.reset().decode(ByteBuffer.wrap(bytes));
                        utf8Lines++;
                    } catch (CharacterCodingException e) {
                        notUtf8.add(line);
                        firstBad = firstBad == null ? bytes : firstBad;
                    }
                }
                if (b < 0) {
                    break;
                }
                current.reset();
                line++;
            } else {
                current.write(b);
            }
        }
        if (notUtf8.isEmpty() || !markedUtf8 && utf8Lines <= notUtf8.size()) {
            return;
        }
        boolean gbk;
        try {
            GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(firstBad));
            gbk = true;
        } catch (CharacterCodingException e) {
            gbk = false;
        }
        String lines = notUtf8.size() <= 5 ? join(notUtf8)
                : join(notUtf8.subList(0, 5)) + " and " + (notUtf8.size() - 5) + " more";
        throw new MixedEncoding("mixed encoding: line" + (notUtf8.size() == 1 ? " " : "s ") + lines + " "
                + (notUtf8.size() == 1 ? "is" : "are") + " not UTF-8" + (gbk ? " (GBK?)" : "") + ", the rest is UTF-8:"
                + " save the file in one encoding (UTF-8) and drop it again", notUtf8.get(0));
    }

    private static String join(java.util.List<Long> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
