package com.kam.pipeline.report;

import java.nio.file.Path;

/** A PDF written to disk: where, its SHA-256, size and page count. */
public record RenderedPdf(Path file, String sha256, long bytes, int pages) {
}
