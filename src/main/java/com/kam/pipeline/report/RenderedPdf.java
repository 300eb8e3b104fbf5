package com.kam.pipeline.report;

import java.nio.file.Path;

/**
 * A PDF written to disk: where, its SHA-256, size and page count, and {@code contentSha256}, a hash
 * of the text on its pages without the generation time: equal when a re-render shows the same
 * figures (the file's own hash never is), so delivery can tell a corrected report from a repeat.
 */
public record RenderedPdf(Path file, String sha256, long bytes, int pages, String contentSha256) {
}
