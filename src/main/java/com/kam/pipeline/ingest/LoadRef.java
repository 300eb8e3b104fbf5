package com.kam.pipeline.ingest;

import java.nio.file.Path;

/** A claimed load: one file from the inbox, or one JDBC query, for one source. */
record LoadRef(long id, Source source, String fileName, Path file) {
}
