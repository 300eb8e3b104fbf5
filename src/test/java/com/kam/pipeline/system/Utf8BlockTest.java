package com.kam.pipeline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The bytes LOAD DATA receives: the same UTF-8 as Java's own encoder, with LOAD DATA's escapes. */
class Utf8BlockTest {

    @Test
    void encodesChineseAndCharactersBeyondTheBasicPlaneAsJavaDoes() throws Exception {
        String text = "张伟 拜访华为 𠀀𠮷 café ¥1,000";
        assertEquals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), written(b -> b.text(text)));
    }

    @Test
    void escapesWhatLoadDataWouldReadAsSeparators() throws Exception {
        assertEquals("a\\tb\\nc\\rd\\\\e\\0f", written(b -> b.escapedText("a\tb\nc\rd\\e\0f")));
    }

    @Test
    void replacesHalfASurrogatePairAsStringGetBytesDoes() throws Exception {
        String broken = "x\uD842y\uDFB7";
        assertEquals(new String(broken.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), written(b -> b.escapedText(broken)));
    }

    @Test
    void writesDatesAsIso() throws Exception {
        assertEquals("2024-02-29 0999-01-05", written(b -> b.date(LocalDate.of(2024, 2, 29)).ascii(' ').date(LocalDate.of(999, 1, 5))));
    }

    @Test
    void growsPastItsFirstCapacity() throws Exception {
        String longText = "销售".repeat(5000);
        assertEquals(longText, written(b -> b.text(longText)));
    }

    private interface Fill {
        void into(MariaDbLoadData.Utf8Block block);
    }

    private static String written(Fill fill) throws Exception {
        MariaDbLoadData.Utf8Block block = new MariaDbLoadData.Utf8Block(8);
        fill.into(block);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        block.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
