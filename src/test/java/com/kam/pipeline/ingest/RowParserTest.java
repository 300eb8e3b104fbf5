package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field by field: what a value becomes, or exactly why it is refused. */
class RowParserTest {

    private final Source reports = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("daily-reports");
    private final Source customers = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("customers");
    private final Source targets = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("targets");
    private final Source org = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("org");

    @Test
    void anEmailThatNoMailServerTakesIsRefusedAtIngestNotEachNightAtMailTime() {
        assertThat(parse(org, "email", "wu.jiafan@example.com")).isEqualTo("wu.jiafan@example.com");
        assertThat(parse(org, "email", "王芳@例子.中国")).isEqualTo("王芳@例子.中国");
        assertThat(parse(org, "email", "wu.jiafan@example,com")).isEqualTo("refused: email 'wu.jiafan@example,com' is not a mail"
                + " address (name@domain.tld, one @, no spaces, commas or semicolons)");
        assertThat(parse(org, "email", "wu jiafan@example.com")).startsWith("refused: email");
        assertThat(parse(org, "email", "a@b@example.com")).startsWith("refused: email");
        assertThat(parse(org, "email", "wu.jiafan@example")).startsWith("refused: email");
        assertThat(parse(org, "email", "a@x.com;b@x.com")).startsWith("refused: email");
    }

    @Test
    void moneyIsExactWithTwoDecimalsAndNeverNegative() {
        assertThat(parse(reports, "order_amount", "¥12,500.5")).isEqualTo("12500.50");
        assertThat(parse(reports, "order_amount", "0")).isEqualTo("0.00");
        assertThat(parse(reports, "order_amount", "10.125")).isEqualTo("refused: amount 10.125 in order_amount has more than 2 decimals");
        assertThat(parse(reports, "order_amount", "-0.01")).isEqualTo("refused: negative amount -0.01 in order_amount");
    }

    @Test
    void thousandsSeparatorsOnlyBetweenGroupsOfThreeAndNoExponents() {
        assertThat(parse(reports, "order_amount", "1,234.50")).isEqualTo("1234.50");
        assertThat(parse(reports, "order_amount", "¥1,234.50")).isEqualTo("1234.50");
        assertThat(parse(reports, "order_amount", "９，９９９．５０")).isEqualTo("9999.50");
        assertThat(parse(reports, "order_amount", "1,234,567")).isEqualTo("1234567.00");
        // a decimal comma would be read 100 times too large, stray commas as other digits
        assertThat(parse(reports, "order_amount", "12,50")).isEqualTo("refused: misplaced thousands separator in '12,50' in"
                + " order_amount: separators go between groups of three digits, and a decimal comma is not read (write 12.50)");
        assertThat(parse(reports, "order_amount", "1,2,3,4")).startsWith("refused: misplaced thousands separator in '1,2,3,4'");
        assertThat(parse(reports, "order_amount", "1234,567.5")).startsWith("refused: misplaced thousands separator");
        // a group of three after a leading 0 is a decimal comma too, not 500
        assertThat(parse(reports, "order_amount", "0,500")).startsWith("refused: misplaced thousands separator in '0,500'");
        assertThat(parse(reports, "order_amount", "0 500")).startsWith("refused:");
        assertThat(parse(reports, "complaints_received", "1,2")).startsWith("refused: misplaced thousands separator in '1,2'");
        assertThat(parse(reports, "complaints_received", "1,200")).isEqualTo("1200");
        // Excel's rounded display of a large number, as a CSV keeps it
        assertThat(parse(reports, "order_amount", "1.23457E+11")).isEqualTo("refused: number '1.23457E+11' in order_amount is in"
                + " exponent notation, as Excel shows a number rounded to fit its column: give the column a number format before"
                + " exporting");
        assertThat(parse(reports, "complaints_received", "1E3")).contains("is in exponent notation");
        assertThat(parse(customers, "share_of_wallet", "2.5E-1")).contains("is in exponent notation");
    }

    @Test
    void numbersTooLargeForTheirColumnAreRefusedNotLeftToTheDatabase() {
        assertThat(parse(reports, "order_amount", "12345678901234567890")).isEqualTo("refused: amount 12345678901234567890 in"
                + " order_amount exceeds the largest amount that can be stored (9,999,999,999,999,999.99)");
        assertThat(parse(reports, "order_amount", "10,000,000,000,000,000")).contains("exceeds the largest amount");
        assertThat(parse(reports, "order_amount", "9999999999999999.99")).isEqualTo("9999999999999999.99");
        assertThat(parse(reports, "complaints_received", "2147483648")).isEqualTo("refused: count 2147483648 in"
                + " complaints_received exceeds the largest count that can be stored (2,147,483,647)");
        assertThat(parse(reports, "complaints_received", "2,147,483,647")).isEqualTo("2147483647");
        assertThat(parse(reports, "complaints_received", "1.5")).isEqualTo(
                "refused: unparseable number '1.5' in complaints_received (expected a whole number)");
        // a share keeps the column's six decimals
        assertThat(parse(customers, "share_of_wallet", "33.33333333%")).isEqualTo("0.333333");
    }

    @Test
    void anExcelErrorValueIsRefusedNamingItsFieldNotTakenAsEmpty() {
        assertThat(parse(targets, "margin_target", "#N/A")).isEqualTo(
                "refused: error value #N/A in margin_target: the cell's formula has no result; correct it in the source");
        assertThat(parse(reports, "customer_id", "#REF!")).startsWith("refused: error value #REF! in customer_id");
        assertThat(parse(reports, "notes", " #DIV/0! ")).startsWith("refused: error value #DIV/0! in notes");
        assertThat(parse(reports, "notes", "#1 customer")).isEqualTo("#1 customer");
    }

    @Test
    void unicodeBlanksAroundAValueAreTrimmedAsSpacesAre() {
        assertThat(parse(reports, "rep_id", "E00014\u00A0")).isEqualTo("E00014");
        assertThat(parse(reports, "rep_id", "\u3000E00014\u3000")).isEqualTo("E00014");
        assertThat(parse(reports, "rep_id", "\uFEFFE00014\u200B")).isEqualTo("E00014");
        assertThat(parse(reports, "customer_id", "\u00A0")).isEqualTo("null");
        assertThat(parse(reports, "order_amount", "1,000\u00A0")).isEqualTo("1000.00");
        assertThat(parse(reports, "purpose", "\u00A0订货\u3000")).isEqualTo("ORDER");
        // inside a value they stay
        assertThat(parse(reports, "notes", "王\u3000小明")).isEqualTo("王\u3000小明");
    }

    @Test
    void aDateFieldTakesADateTimesDateAndADateTimeAnyDateFormatWithAOneDigitHour() {
        assertThat(parse(reports, "report_date", "2026-11-05 00:00:00")).isEqualTo("2026-11-05");
        assertThat(parse(reports, "report_date", "2026-11-05 00:00")).isEqualTo("2026-11-05");
        assertThat(parse(reports, "report_date", "2026/11/5 0:00:00")).isEqualTo("2026-11-05");
        assertThat(parse(reports, "report_date", "2026-11-05T00:00:00.000")).isEqualTo("2026-11-05");
        // a time of day does not make the day doubtful (a stage-change log gives the time of the change)
        assertThat(parse(reports, "report_date", "2026-11-05 14:30:00")).isEqualTo("2026-11-05");
        assertThat(parse(targets, "month", "2026-11-01 00:00:00")).isEqualTo("2026-11-01");
        assertThat(parse(reports, "report_date", "2026-11-05 24:00")).startsWith("refused: unparseable date '2026-11-05 24:00'");
        assertThat(parse(reports, "report_date", "2026-11-31 00:00:00")).startsWith("refused: unparseable date");
        assertThat(parse(reports, "submitted_at", "2026/11/23 9:05:33")).isEqualTo("2026-11-23T09:05:33");
        assertThat(parse(reports, "submitted_at", "2026/11/23 09:05:33")).isEqualTo("2026-11-23T09:05:33");
        assertThat(parse(reports, "submitted_at", "2026-11-23 9:05")).isEqualTo("2026-11-23T09:05");
        assertThat(parse(reports, "submitted_at", "2026/11/23 9:65")).startsWith("refused: unparseable date and time");
    }

    @Test
    void datesAreStrictIncludingTheFastIsoPath() {
        assertThat(parse(reports, "report_date", "2026-02-28")).isEqualTo("2026-02-28");
        assertThat(parse(reports, "report_date", "2026/3/5")).isEqualTo("2026-03-05");
        assertThat(parse(reports, "report_date", "2026-02-30")).isEqualTo("refused: unparseable date '2026-02-30' in report_date"
                + " (no such date, or not in a format listed under date-formats in daily-reports.yml)");
        assertThat(parse(reports, "report_date", "2028-02-29")).isEqualTo("2028-02-29");
        assertThat(parse(reports, "submitted_at", "2026-05-11 21:05:00")).isEqualTo("2026-05-11T21:05");
        assertThat(parse(reports, "submitted_at", "2026-05-11 24:05:00"))
                .isEqualTo("refused: unparseable date and time '2026-05-11 24:05:00' in submitted_at");
        assertThat(parse(reports, "visit_time", "9:05")).isEqualTo("09:05");
        assertThat(parse(reports, "visit_time", "25:00")).isEqualTo("refused: unparseable time '25:00' in visit_time (expected HH:mm)");
        assertThat(parse(targets, "month", "2026年5月")).isEqualTo("2026-05-01");
    }

    @Test
    void percentagesAreFractionsOrCarryTheirSign() {
        assertThat(parse(customers, "share_of_wallet", "30%")).isEqualTo("0.30");
        assertThat(parse(customers, "share_of_wallet", "0.1")).isEqualTo("0.1");
        assertThat(parse(customers, "share_of_wallet", "25"))
                .isEqualTo("refused: ambiguous percentage 25 in share_of_wallet: write 25% or a fraction such as 0.25");
        // 1 is as doubtful as 25: one percent, or all of it?
        assertThat(parse(customers, "share_of_wallet", "1"))
                .isEqualTo("refused: ambiguous percentage 1 in share_of_wallet: write 1% or 100%");
        assertThat(parse(customers, "share_of_wallet", "1.00")).startsWith("refused: ambiguous percentage 1.00");
        assertThat(parse(customers, "share_of_wallet", "0.5")).isEqualTo("0.5");
        assertThat(parse(customers, "share_of_wallet", "100%")).isEqualTo("1.00");
        assertThat(parse(customers, "share_of_wallet", "1%")).isEqualTo("0.01");
        assertThat(parse(customers, "share_of_wallet", "0")).isEqualTo("0");
        assertThat(parse(customers, "share_of_wallet", "120%")).isEqualTo("refused: percentage 120% in share_of_wallet is outside 0-100%");
    }

    @Test
    void vocabulariesYesNoAndLengthLimits() {
        assertThat(parse(reports, "purpose", "客诉处理")).isEqualTo("COMPLAINT");
        assertThat(parse(reports, "attendance", "出差")).isEqualTo("TRAVEL");
        assertThat(parse(reports, "effective", "否")).isEqualTo("false");
        assertThat(parse(reports, "effective", "maybe")).isEqualTo("refused: unparseable yes/no 'maybe' in effective");
        assertThat(parse(reports, "rep_id", "E".repeat(51))).isEqualTo("refused: rep_id is 51 characters long; at most 50 fit");
        assertThat(parse(reports, "notes", "备".repeat(2000))).hasSize(2000);
    }

    @Test
    void numbersDatesAndTimesTypedInFullWidthReadAsTheirAsciiForms() {
        // what a Chinese input method left on: full-width digits, comma, point, colon, dash, percent
        assertThat(parse(reports, "order_amount", "５，０００．５０")).isEqualTo("5000.50");
        assertThat(parse(reports, "order_amount", "￥１２　５００")).isEqualTo("12500.00");
        assertThat(parse(reports, "visit_time", "１０：３０")).isEqualTo("10:30");
        assertThat(parse(reports, "report_date", "２０２６－０５－１１")).isEqualTo("2026-05-11");
        assertThat(parse(reports, "complaints_received", "２")).isEqualTo("2");
        assertThat(parse(customers, "share_of_wallet", "３０％")).isEqualTo("0.30");
        assertThat(parse(reports, "order_amount", "５ａ")).isEqualTo("refused: unparseable number '5a' in order_amount");
        // free text keeps the full-width punctuation its writer meant
        assertThat(parse(reports, "notes", "客户说：下周再谈，报价ＯＫ")).isEqualTo("客户说：下周再谈，报价ＯＫ");
    }

    private static String parse(Source source, String field, String text) {
        FieldSpec spec = source.kind().fields().get(source.kind().indexOf(field));
        try {
            return String.valueOf(RowParser.parseField(source, spec, text));
        } catch (RowParser.FieldError e) {
            return "refused: " + e.getMessage();
        }
    }
}
