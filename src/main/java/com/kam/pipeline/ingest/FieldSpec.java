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
}
