package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The fingerprint that tells an unchanged date of a re-sent file from a corrected one. */
class ContentHashTest {

    private static final KindTable REPORTS = KindTable.DAILY_REPORT;

    @Test
    void theSameValuesGiveTheSameFingerprintWhateverTheirLoadLineOrWrittenScale() {
        long first = REPORTS.contentHash(visit(new LoadRef(1, null, "daily_reports_2026-12.csv", null), 2,
                new BigDecimal("5000"), true));
        long again = REPORTS.contentHash(visit(new LoadRef(7, null, "daily_reports_2026-12.csv", null), 9,
                new BigDecimal("5000.00"), true));

        assertThat(again).isEqualTo(first);
        // 40 bits: a date's sum stays within a long up to 8 million rows
        assertThat(first).isBetween(0L, (1L << 40) - 1);
    }

    @Test
    void anyStoredValueThatChangesChangesTheFingerprint() {
        LoadRef load = new LoadRef(1, null, "daily_reports_2026-12.csv", null);
        long original = REPORTS.contentHash(visit(load, 2, new BigDecimal("5000"), true));

        assertThat(REPORTS.contentHash(visit(load, 2, new BigDecimal("5500"), true))).isNotEqualTo(original);
        assertThat(REPORTS.contentHash(visit(load, 2, new BigDecimal("5000"), false))).isNotEqualTo(original);
        // a value moved to the next field is a different row
        CheckedRow.Valid moved = visit(load, 2, new BigDecimal("5000"), true);
        moved.values()[InputKind.DAILY_REPORT.indexOf("gross_margin")] = null;
        moved.values()[InputKind.DAILY_REPORT.indexOf("payment_collected")] = new BigDecimal("1000");
        assertThat(REPORTS.contentHash(moved)).isNotEqualTo(original);
    }

    /** 周晓燕's order visit of 12-01, as the row checks hand it to the writer. */
    private static CheckedRow.Valid visit(LoadRef load, long line, BigDecimal order, boolean effective) {
        InputKind kind = InputKind.DAILY_REPORT;
        Object[] values = new Object[kind.fields().size()];
        values[kind.indexOf("rep_id")] = "R002";
        values[kind.indexOf("report_date")] = LocalDate.of(2026, 12, 1);
        values[kind.indexOf("customer_id")] = "C001";
        values[kind.indexOf("purpose")] = "ORDER";
        values[kind.indexOf("outcome")] = "追加订单";
        values[kind.indexOf("effective")] = effective;
        values[kind.indexOf("order_amount")] = order;
        values[kind.indexOf("gross_margin")] = new BigDecimal("1000");
        values[kind.indexOf("submitted_at")] = LocalDateTime.of(2026, 12, 1, 18, 0);
        return new CheckedRow.Valid(load, line, values, new String[values.length], null);
    }
}
