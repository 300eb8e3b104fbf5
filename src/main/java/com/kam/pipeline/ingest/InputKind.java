package com.kam.pipeline.ingest;

import static com.kam.pipeline.ingest.FieldSpec.coded;
import static com.kam.pipeline.ingest.FieldSpec.optional;
import static com.kam.pipeline.ingest.FieldSpec.required;
import static com.kam.pipeline.ingest.FieldType.*;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of input the pipeline takes, in the order they are loaded: master data first, so
 * that reports and opportunities can be checked against the people and customers they name.
 * The canonical fields are documented in {@code jobs/sources/README.md}.
 */
public enum InputKind {
    ORG(List.of(
            required("employee_id", TEXT), required("name", TEXT), coded("role", true, "role"),
            required("email", TEXT), coded("language", false, "language"), optional("manager_id", TEXT),
            optional("team_code", TEXT), optional("team_name", TEXT), required("region_code", TEXT),
            optional("region_name", TEXT), required("valid_from", DATE), optional("valid_to", DATE)),
            List.of("employee_id", "valid_from")),
    CUSTOMER(List.of(
            required("customer_id", TEXT), required("name", TEXT), required("segment", TEXT),
            required("region_code", TEXT), required("annual_potential", MONEY),
            required("share_of_wallet", PERCENT), optional("owner_id", TEXT), coded("abc_class", false, "abc_class")),
            List.of("customer_id")),
    TARGET(List.of(
            required("rep_id", TEXT), required("month", MONTH), required("sales_target", MONEY),
            optional("margin_target", MONEY), optional("collection_target", MONEY),
            optional("new_customer_target", COUNT), optional("visit_target", COUNT)),
            List.of("rep_id", "month")),
    VISIT_PLAN(List.of(
            required("rep_id", TEXT), required("plan_date", DATE), required("customer_id", TEXT),
            coded("purpose", true, "purpose"), optional("planned_time", TIME), optional("area", TEXT)),
            List.of("rep_id", "plan_date", "customer_id", "planned_time", "purpose")),
    DAILY_REPORT(List.of(
            required("rep_id", TEXT), required("report_date", DATE), optional("customer_id", TEXT),
            optional("visit_time", TIME), coded("purpose", false, "purpose"), optional("outcome", TEXT),
            optional("effective", YES_NO), optional("order_amount", MONEY), optional("gross_margin", MONEY),
            optional("payment_collected", MONEY), optional("expense", MONEY), optional("submitted_at", DATETIME),
            coded("attendance", false, "attendance"), optional("complaints_received", COUNT),
            optional("complaints_resolved", COUNT), optional("competitor_info", TEXT),
            optional("customer_feedback", TEXT), optional("notes", TEXT)),
            List.of("rep_id", "report_date", "customer_id", "visit_time", "purpose")),
    OPPORTUNITY(List.of(
            optional("snapshot_date", DATE), required("opportunity_id", TEXT), required("customer_id", TEXT),
            required("owner_id", TEXT), optional("name", TEXT), required("product_line", TEXT),
            required("amount", MONEY), coded("stage", true, "stage"), optional("expected_close_date", DATE),
            required("created_date", DATE), optional("closed_date", DATE), optional("loss_reason", TEXT),
            optional("competitor", TEXT), coded("forecast_category", false, "forecast_category")),
            List.of("snapshot_date", "opportunity_id")),
    STAGE_CHANGE(List.of(
            required("opportunity_id", TEXT), required("changed_on", DATE), coded("from_stage", false, "stage"),
            coded("to_stage", true, "stage")),
            List.of("opportunity_id", "changed_on", "to_stage"));

    private final List<FieldSpec> fields;
    private final List<String> keyFields;
    private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();

    InputKind(List<FieldSpec> fields, List<String> keyFields) {
        this.fields = fields;
        this.keyFields = keyFields;
        for (int i = 0; i < fields.size(); i++) {
            positions.put(fields.get(i).name(), i);
        }
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** Fields that identify a row: two rows of one load with the same key are duplicates. */
    List<String> keyFields() {
        return keyFields;
    }

    int indexOf(String field) {
        Integer position = positions.get(field);
        if (position == null) {
            throw new IllegalArgumentException(this + " has no field " + field);
        }
        return position;
    }

    /** The name used in mapping files, e.g. {@code daily_report}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InputKind fromCode(String code) {
        for (InputKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + code + "'; expected one of "
                + java.util.Arrays.stream(values()).map(InputKind::code).toList());
    }
}
