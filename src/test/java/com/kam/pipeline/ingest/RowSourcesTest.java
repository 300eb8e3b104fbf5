package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.SmallCompany;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files as Chinese offices save them: encodings, line ends, quoting, broken lines. */
class RowSourcesTest {

    @TempDir
    Path folder;

    private final Source customers = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("customers");

    @Test
    void gb18030AndUtf8WithBomAndCrlfReadTheSameChineseText() throws Exception {
        String text = "customer_id,name,segment,region_code,annual_potential,share_of_wallet\r\n"
                + "C1,\"杭州市第一人民医院, 滨江院区\",教育医疗,EAST,800000,20%\r\n";
        SmallCompany.write(folder.resolve("customers_gb.csv"), text, Charset.forName("GB18030"), false);
        SmallCompany.write(folder.resolve("customers_bom.csv"), text, StandardCharsets.UTF_8, true);

        for (String file : List.of("customers_gb.csv", "customers_bom.csv")) {
            List<SourceRow> rows = read(file);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.problem()).isNull();
                assertThat(row.line()).isEqualTo(2);
                assertThat(row.values()[0]).isEqualTo("C1");
                assertThat(row.values()[1]).isEqualTo("杭州市第一人民医院, 滨江院区");
            });
        }
    }

    @Test
    void excelsUnicodeTextIsUtf16WithItsByteOrderMark() throws Exception {
        // Excel's "Unicode text (*.txt)": UTF-16 little-endian with a BOM, tab-separated
        String text = "customer_id\tname\tsegment\tregion_code\tannual_potential\tshare_of_wallet\r\n"
                + "C1\t杭州市第一人民医院, 滨江院区\t教育医疗\tEAST\t800000\t20%\r\n";
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(folder.resolve("customers_unicode.txt"), withBom);
        Source c = customers;
        Source tabs = new Source(c.name(), c.kind(), c.type(), c.definedIn(), c.filePattern(), null, '\t', c.sheet(),
                c.dateFormats(), c.datetimeFormats(), c.headers(), c.values(), c.jdbc(), c.sql(), c.isoDatesFirst(),
                c.isoDateTimesFirst());

        assertThat(TextEncoding.detect(folder.resolve("customers_unicode.txt"), null).charset())
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read(tabs, "customers_unicode.txt")).singleElement().satisfies(row -> {
            assertThat(row.problem()).isNull();
            assertThat(row.values()[0]).isEqualTo("C1");
            assertThat(row.values()[1]).isEqualTo("杭州市第一人民医院, 滨江院区");
        });
    }

    @Test
    void aRowSpanningLinesKeepsItsFirstLineNumberAndTheNextRowItsOwn() throws Exception {
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + "C1,\"第一行\n第二行\",金融,EAST,1,1%\n"
                + "C2,江苏银行,金融,EAST,1,1%\n");
        List<SourceRow> rows = read("customers.csv");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).values()[1]).isEqualTo("第一行\n第二行");
    }

    @Test
    void rowsWithEveryFieldEmptyAreSkippedAsInAWorkbookAndTheNextRowKeepsItsLine() throws Exception {
        // a spreadsheet saved as CSV keeps rows it once formatted as bare commas
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,金融,EAST,1,1%\n"
                + ",,,,,\n"
                + " , ,,,,\n"
                + "C2,浙江银行,金融,EAST,1,1%\n"
                + ",,,,,\n");
        List<SourceRow> rows = read("customers.csv");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 5L);
        assertThat(rows).allSatisfy(row -> assertThat(row.problem()).isNull());
        // a row with one field given is still read, and checked
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + ",江苏银行,,,,\n");
        assertThat(read("customers.csv")).singleElement().satisfies(row -> assertThat(row.line()).isEqualTo(2));
    }

    @Test
    void anUnterminatedQuoteEndsTheFileWithOneProblemRowSayingWhere() throws Exception {
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,金融,EAST,1,1%\n"
                + "C2,\"没有结束的引号,金融,EAST,1,1%\n"
                + "C3,浙江银行,金融,EAST,1,1%\n");
        List<SourceRow> rows = read("customers.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).problem().reason()).startsWith("malformed CSV from line 3")
                .endsWith("the rest of the file could not be read, so none of it is loaded");
        assertThat(rows.get(1).problem().wholeFile()).isTrue();
        assertThat(rows.get(0).problem()).isNull();
    }

    @Test
    void aMissingRequiredColumnRejectsEveryRowNamingTheColumn() throws Exception {
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,EAST,1,1%\n");
        assertThat(read("customers.csv")).singleElement()
                .satisfies(row -> assertThat(row.problem().reason()).isEqualTo("missing column in the header: segment"));
    }

    @Test
    void aHeaderInOneColumnSaysWhichSeparatorTheFileSeemsToUse() throws Exception {
        // saved by a European Excel: semicolons
        Files.writeString(folder.resolve("customers.csv"), "customer_id;name;segment;region_code;annual_potential;share_of_wallet\n"
                + "C1;江苏银行;金融;EAST;1000000;1%\n");
        assertThat(read("customers.csv")).singleElement().satisfies(row -> assertThat(row.problem().reason())
                .startsWith("missing column in the header: customer_id, name, segment, region_code, annual_potential,"
                        + " share_of_wallet; the header is one column: is the file separated by ';'? set delimiter in ")
                .endsWith("customers.yml"));
    }

    private List<SourceRow> read(String file) throws Exception {
        return read(customers, file);
    }

    private List<SourceRow> read(Source mapping, String file) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        try (CsvRowSource source = new CsvRowSource(new LoadRef(1, mapping, file, folder.resolve(file)))) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aHeaderColumnLooksLikeAFieldWhenItIsAnAbbreviationOrATypo() {
        assertThat(HeaderMap.looksLike("order_amt", "order_amount")).isTrue();
        assertThat(HeaderMap.looksLike("oder_amount", "order_amount")).isTrue();
        assertThat(HeaderMap.looksLike("Order Amount", "order_amount")).isTrue();
        assertThat(HeaderMap.looksLike("订单额", "订单金额")).isTrue();
        assertThat(HeaderMap.looksLike("order_id", "order_amount")).isFalse();
        assertThat(HeaderMap.looksLike("amount", "order_amount")).isFalse();
        assertThat(HeaderMap.looksLike("o", "order_amount")).isFalse();
        // columns of an export's own that only share a start with a field
        assertThat(HeaderMap.looksLike("毛利率", "毛利目标")).isFalse();
        assertThat(HeaderMap.looksLike("region", "remark")).isFalse();
    }
}
