package com.kam.pipeline.system;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * MariaDB refuses {@code LOAD DATA LOCAL INFILE}, by which the ingest and the rollup store their
 * rows ({@link BulkInsert}): the server's {@code local_infile} is OFF, or the connection's URL sets
 * {@code allowLocalInfile=false}. Which of the two, and the statement or setting that fixes it.
 */
public final class LocalInfileRefused extends ExplainedFailure {

    /**
     * MariaDB's ER_LOAD_INFILE_CAPABILITY_DISABLED ("The used command is not allowed because the
     * MariaDB server or client has disabled the local infile capability"), and the
     * ER_NOT_ALLOWED_COMMAND that servers before 10.5 answer instead. The server checks this before
     * anything else of the statement, even whether its table exists.
     */
    private static final Set<Integer> REFUSED = Set.of(4166, 1148);

    private LocalInfileRefused(String message) {
        super(message);
    }

    /** The refusal {@code e} is, if it is one. */
    static Optional<LocalInfileRefused> of(SQLException e) {
        if (!REFUSED.contains(e.getErrorCode())) {
            return Optional.empty();
        }
        // the same error code either way; mariadb-java-client words it its own way when its side refused
        boolean byDriver = String.valueOf(e.getMessage()).contains("disabled by connector");
        return Optional.of(new LocalInfileRefused(byDriver
                ? "the MariaDB driver refuses LOAD DATA LOCAL INFILE (spring.datasource.url sets allowLocalInfile=false):"
                + " take allowLocalInfile out of the URL (the pipeline turns it on for its connections) and run again;"
                + " see README.md, \"Pointing it at MariaDB\""
                : "MariaDB refuses LOAD DATA LOCAL INFILE (local_infile is OFF on the server): run SET GLOBAL local_infile = 1"
                + " as an administrator, and set local_infile = ON under [mariadbd] in the server's configuration so that"
                + " a restart keeps it; then run again; see README.md, \"Pointing it at MariaDB\""));
    }
}
