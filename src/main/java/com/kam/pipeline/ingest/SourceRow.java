package com.kam.pipeline.ingest;

import java.util.function.Supplier;

/**
 * One row as read from a source, before any parsing: the text of each canonical field of the
 * kind (null where the source has no such column), or a problem that makes the row unreadable.
 *
 * @param line    line in the file (the header is line 1), or row number for JDBC
 * @param values  text per canonical field, in {@link InputKind#fields()} order
 * @param rawText the row as the source had it, kept with a reject
 * @param problem when not null, the row cannot be read at all (malformed line, wrong sheet, ...)
 */
record SourceRow(LoadRef load, long line, String[] values, Supplier<String> rawText, RowProblem problem) {

    /** The row as the source had it; built only when needed (for a reject). */
    String raw() {
        return rawText == null ? null : rawText.get();
    }

    /** {@code wholeFile}: the problem spoils the file, not just the row (see {@link #fileProblem}). */
    record RowProblem(String field, String reason, boolean wholeFile) {
    }

    static SourceRow problem(LoadRef load, long line, String raw, String field, String reason) {
        return new SourceRow(load, line, null, () -> raw, new RowProblem(field, reason, false));
    }

    /**
     * A problem that means the file cannot be taken in whole (its reading broke off, its header
     * lacks a required column, its sheet is missing): the load is refused, and what it did read
     * replaces nothing.
     */
    static SourceRow fileProblem(LoadRef load, long line, String raw, String field, String reason) {
        return new SourceRow(load, line, null, () -> raw, new RowProblem(field, reason, true));
    }
}
