package com.kam.pipeline.sample;

/**
 * A deliberately bad row the generator wrote, so tests and the demo can check it is rejected.
 * {@code record} is the CSV record number with the header as 1 (what a CSV reader reports);
 * {@code line} is the physical line it starts on, which is larger when earlier quoted values
 * contain line breaks. Both are 0 for a file rejected as a whole.
 */
public record InjectedBadRow(String file, long record, long line, String field, String value, String reason) {
}
