package com.kam.pipeline.ingest;

import java.io.IOException;
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
 * means UTF-8; a file that decodes as strict UTF-8 is UTF-8; anything else is GB18030, which is
 * what Chinese Excel writes for "CSV".
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    record Detected(Charset charset, int bomLength) {
    }

    static Detected detect(Path file, Charset configured) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (configured != null) {
            return new Detected(configured, bom && configured.equals(StandardCharsets.UTF_8) ? 3 : 0);
        }
        if (bom) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        return new Detected(isUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
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
