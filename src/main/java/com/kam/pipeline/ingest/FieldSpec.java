package com.kam.pipeline.ingest;

/**
 * One canonical field of an input kind.
 *
 * @param vocabulary for {@link FieldType#CODE} fields, the name of the canonical vocabulary
 */
record FieldSpec(String name, FieldType type, boolean required, String vocabulary) {

    static FieldSpec required(String name, FieldType type) {
        return new FieldSpec(name, type, true, null);
    }

    static FieldSpec optional(String name, FieldType type) {
        return new FieldSpec(name, type, false, null);
    }

    static FieldSpec coded(String name, boolean required, String vocabulary) {
        return new FieldSpec(name, FieldType.CODE, required, vocabulary);
    }

    /** The longest text the field's column holds (the schema in V2__ingest.sql follows these). */
    int maxLength() {
        return switch (name) {
            case "name", "loss_reason" -> 300;
            case "email", "area" -> 200;
            case "team_name", "region_name", "product_line", "competitor" -> 100;
            case "outcome", "competitor_info", "customer_feedback", "notes" -> 2000;
            default -> 50; // ids, codes, segment
        };
    }
}
