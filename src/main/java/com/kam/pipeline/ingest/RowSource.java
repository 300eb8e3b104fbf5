package com.kam.pipeline.ingest;

import java.io.IOException;

/** Rows of one load, in source order. Implementations read CSV, XLSX or a JDBC query. */
interface RowSource extends AutoCloseable {

    /** The next row, or null at the end. */
    SourceRow next() throws IOException;

    @Override
    void close() throws IOException;
}
