package com.kam.pipeline.ingest;

/**
 * A row after validation: parsed values ready to store, a reject with its reason, or a row that
 * waits for a later night (see {@link Waiting}).
 */
sealed interface CheckedRow permits CheckedRow.Valid, CheckedRow.Rejected, CheckedRow.Waiting {

    LoadRef load();

    long line();

    /** Typed values (LocalDate, BigDecimal, Integer, Boolean, String, ...) in {@link InputKind#fields()} order. */
    record Valid(LoadRef load, long line, Object[] values, String[] texts, java.util.function.Supplier<String> rawText)
            implements CheckedRow {

        String raw() {
            return rawText == null ? null : rawText.get();
        }

        Object get(String field) {
            return values[load.source().kind().indexOf(field)];
        }

        /** The field's text as the source wrote it. */
        String text(String field) {
            String text = texts[load.source().kind().indexOf(field)];
            return text == null ? null : RowParser.trim(text);
        }

        void set(String field, Object value) {
            values[load.source().kind().indexOf(field)] = value;
        }
    }

    /** {@code wholeFile}: the reason refuses the whole file ({@link SourceRow#fileProblem}). */
    record Rejected(LoadRef load, long line, String field, String value, String reason, String raw, boolean wholeFile)
            implements CheckedRow {
    }

    /**
     * A row that is early, not wrong: dated after the business date in the month its file
     * collects, or a stage change of a deal that no snapshot lists yet. It is neither stored nor
     * rejected tonight; the file stays in the inbox and loads it on a later night. Its raw text is
     * kept, as a reject's is, so that nothing is lost should the file be taken out of the inbox.
     */
    record Waiting(LoadRef load, long line, java.time.LocalDate date, String reason, String raw) implements CheckedRow {
    }
}
