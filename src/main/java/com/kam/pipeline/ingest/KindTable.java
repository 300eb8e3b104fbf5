package com.kam.pipeline.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where each kind of row is stored, and how. Master data (org, customers, targets) is kept by
 * key: a newer row for the same key replaces the older. Dated data (plans, reports, snapshots,
 * stage changes) is kept per load and replaced per date by a newer load of the same source; plans
 * and reports per date and rep ({@link #repColumn}).
 */
enum KindTable {
    ORG("org_assignment", null, List.of("employee_id", "valid_from"),
            List.of("employee_id", "valid_from", "valid_to", "name", "role", "email", "language", "manager_id",
                    "team_code", "team_name", "region_code", "region_name"), null),
    CUSTOMER("customer", null, List.of("customer_id"),
            List.of("customer_id", "name", "segment", "region_code", "annual_potential", "share_of_wallet", "owner_id",
                    "abc_class"),
            row -> CustomerClass.matrixClass((BigDecimal) row.get("share_of_wallet"), (BigDecimal) row.get("annual_potential"))),
    TARGET("sales_target", null, List.of("rep_id", "month_start"),
            List.of("rep_id", "month", "sales_target", "margin_target", "collection_target", "new_customer_target",
                    "visit_target"), null),
    VISIT_PLAN("visit_plan", "plan_date", List.of("rep_id", "plan_date", "customer_id", "planned_time", "purpose"),
            List.of("rep_id", "plan_date", "customer_id", "purpose", "planned_time", "area"), null),
    DAILY_REPORT("report_line", "report_date", List.of("rep_id", "report_date", "customer_id", "visit_time", "purpose"),
            List.of("rep_id", "report_date", "customer_id", "visit_time", "purpose", "outcome", "effective",
                    "order_amount", "gross_margin", "payment_collected", "expense", "submitted_at", "attendance",
                    "complaints_received", "complaints_resolved", "competitor_info", "customer_feedback", "notes"), null),
    OPPORTUNITY("opportunity_snapshot", "snapshot_date", List.of("snapshot_date", "opportunity_id"),
            List.of("snapshot_date", "opportunity_id", "customer_id", "owner_id", "name", "product_line", "amount",
                    "stage", "expected_close_date", "created_date", "closed_date", "loss_reason", "competitor",
                    "forecast_category"), null),
    STAGE_CHANGE("opportunity_stage_change", "changed_on", List.of("opportunity_id", "changed_on", "to_stage"),
            List.of("opportunity_id", "changed_on", "from_stage", "to_stage"), null);

    final String table;
    /** The date column that scopes replacement, for dated kinds; null for master data. */
    final String dateColumn;
    /** Columns of the key, for duplicate checks and replacing master data. */
    final List<String> keyColumns;
    private final List<String> fields;
    private final Function<CheckedRow.Valid, Object> derivedClass;
    private final int[] fieldIndexes;
    private final int[] keyFieldIndexes;

    KindTable(String table, String dateColumn, List<String> keyColumns, List<String> fields,
              Function<CheckedRow.Valid, Object> derivedClass) {
        this.table = table;
        this.dateColumn = dateColumn;
        this.keyColumns = keyColumns;
        this.fields = fields;
        this.derivedClass = derivedClass;
        InputKind kind = InputKind.valueOf(name());
        this.fieldIndexes = fields.stream().mapToInt(kind::indexOf).toArray();
        this.keyFieldIndexes = keyColumns.stream().mapToInt(c -> kind.indexOf(c.equals("month_start") ? "month" : c)).toArray();
    }

    static KindTable of(InputKind kind) {
        return valueOf(kind.name());
    }

    /** Position of the date that scopes replacement among the kind's fields. */
    int dateFieldIndex() {
        return InputKind.valueOf(name()).indexOf(dateColumn);
    }

    boolean keptByKey() {
        return dateColumn == null;
    }

    /**
     * The column that narrows replacement within a date, or null: a plans or reports file replaces,
     * for each date, the rows of the reps it has rows for, not the whole day (a late report in the
     * next day's export, one region's file, would otherwise wipe everyone else's day). A snapshot
     * and a stage-change log are whole per date.
     */
    String repColumn() {
        return this == VISIT_PLAN || this == DAILY_REPORT ? "rep_id" : null;
    }

    List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (String field : fields) {
            columns.add(field.equals("month") ? "month_start" : field);
        }
        if (derivedClass != null) {
            columns.add("customer_class");
        }
        if (this == OPPORTUNITY) {
            columns.add("source_stage");
        }
        if (this == STAGE_CHANGE) {
            columns.add("origin");
        }
        columns.add("source_name");
        columns.add("load_id");
        if (!keptByKey()) {
            columns.add("line_no");
        }
        return columns;
    }

    String insertSql() {
        List<String> columns = columns();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    Object[] insertParameters(CheckedRow.Valid row) {
        List<Object> values = new ArrayList<>(fields.size() + 5);
        for (int index : fieldIndexes) {
            values.add(row.values()[index]);
        }
        if (derivedClass != null) {
            values.add(derivedClass.apply(row));
        }
        if (this == OPPORTUNITY) {
            values.add(row.text("stage"));
        }
        if (this == STAGE_CHANGE) {
            values.add("LOG");
        }
        values.add(row.load().source().name());
        values.add(row.load().id());
        if (!keptByKey()) {
            values.add(row.line());
        }
        return values.toArray();
    }

    /**
     * A fingerprint of what a dated row stores, less its source, load and line: 40 bits, so that
     * the sum over a date's rows (see {@code ingest_load_date.content_hash}) stays within a long.
     * Equal rows give equal fingerprints from one run to the next (values hashed by their text).
     */
    long contentHash(CheckedRow.Valid row) {
        long hash = FNV_OFFSET;
        for (int index : fieldIndexes) {
            hash = hash(hash, row.values()[index]);
        }
        if (this == OPPORTUNITY) {
            hash = hash(hash, row.text("stage"));
        }
        // (FNV's low bits mix poorly: fold the high bits in before keeping 40)
        return (hash ^ (hash >>> 29)) * 0xbf58476d1ce4e5b9L >>> 24;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the value's text, with a marker for null and a separator after each value. */
    private static long hash(long hash, Object value) {
        String text = value == null ? "\u0000" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : value.toString();
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return (hash ^ 0x1f) * FNV_PRIME;
    }

    String deleteByKeySql() {
        return "DELETE FROM " + table + " WHERE " + String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList());
    }

    Object[] keyParameters(CheckedRow.Valid row) {
        return key(row).toArray();
    }

    /**
     * The key of a row, equal whether built from a parsed row or read back from the table
     * (JDBC dates and times are turned back into java.time values).
     */
    static List<Object> key(Object... values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] instanceof java.sql.Date d ? d.toLocalDate()
                    : values[i] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : values[i];
        }
        return java.util.Arrays.asList(values);
    }

    List<Object> key(CheckedRow.Valid row) {
        Object[] values = new Object[keyFieldIndexes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.values()[keyFieldIndexes[i]];
        }
        return java.util.Arrays.asList(values);
    }
}
