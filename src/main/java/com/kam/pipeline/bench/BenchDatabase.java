package com.kam.pipeline.bench;

import java.io.PrintWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmarks generate their own company, so they run on an empty database only. */
final class BenchDatabase {

    private BenchDatabase() {
    }

    /** False, with the reason printed, when the database already holds data. */
    static boolean isEmpty(JdbcTemplate jdbc, PrintWriter err, String benchmark) {
        Integer loads = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_load", Integer.class);
        if (loads != null && loads > 0) {
            err.println(benchmark + " needs an empty database; this one already holds " + loads
                    + " loads. Point SPRING_DATASOURCE_URL at a new database.");
            return false;
        }
        return true;
    }
}
