package com.kam.pipeline.bench;

import java.io.PrintWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Option;

/**
 * The server a benchmark runs on: its buffer pool decides whether the bare statements a benchmark
 * compares with read from memory or from disk, so it is printed with the figures (and can be set).
 */
class MariaDbServer {

    @Option(names = "--buffer-pool-mb", description = "set MariaDB's innodb_buffer_pool_size (global) for the run,"
            + " and put it back afterwards;"
            + " the Debian default of 128 MB makes index upkeep and large reads disk-bound once tables outgrow it")
    Integer bufferPoolMb;

    /** The buffer pool before the run set it, to put back afterwards; null when it was not set. */
    private Long previousBufferPool;

    /**
     * Runs a benchmark on the server as asked (printed first), then puts the buffer pool back; on
     * another database it only runs it.
     */
    Integer during(JdbcTemplate jdbc, boolean mariaDb, PrintWriter out, java.util.concurrent.Callable<Integer> benchmark)
            throws Exception {
        apply(jdbc, mariaDb, out);
        try {
            return benchmark.call();
        } finally {
            restore(jdbc);
        }
    }

    /** Sets the buffer pool when asked and prints the server; does nothing on another database. */
    private void apply(JdbcTemplate jdbc, boolean mariaDb, PrintWriter out) {
        if (!mariaDb) {
            return;
        }
        if (bufferPoolMb != null) {
            previousBufferPool = jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
            jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1024L * 1024L);
        }
        out.printf("MariaDB %s, innodb_buffer_pool_size %d MB%n", jdbc.queryForObject("SELECT VERSION()", String.class),
                bufferPoolMegabytes(jdbc));
    }

    /** Puts the buffer pool back as it was before {@link #apply}, if the run changed it. */
    private void restore(JdbcTemplate jdbc) {
        if (previousBufferPool != null) {
            jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + previousBufferPool);
            previousBufferPool = null;
        }
    }

    static long bufferPoolMegabytes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) / (1024 * 1024);
    }

    /** The data and index size of a table of the current schema, in MB. */
    static long tableMegabytes(JdbcTemplate jdbc, String table) {
        Long bytes = jdbc.queryForObject("SELECT data_length + index_length FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?", Long.class, table);
        return bytes == null ? 0 : bytes / (1024 * 1024);
    }
}
