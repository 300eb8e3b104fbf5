package com.kam.pipeline.system;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A database that cannot be opened at start (the server down, a wrong password, a damaged H2
 * file) stops every command before it runs: say so in two lines, with the URL and the driver's
 * reason, instead of the stack trace through Flyway and Spring that hides them.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's "IO Exception" opening its file, and "database may be already in use". */
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_FILE_IN_USE = 90020;

    private final Environment environment;

    DatabaseUnavailableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!cannotConnect(cause)) {
            return null; // a failing migration and the like: Spring's own report says more
        }
        String url = url(environment);
        String description = "Cannot open the database " + url + ": " + cause.getMessage();
        String action = url.startsWith("jdbc:h2:")
                ? "The embedded H2 database could not be opened. If another kam command is running on it, wait for it;"
                + " if its file is damaged, move the database folder aside (./data by default) and run again:"
                + " the next run starts an empty database."
                : "Check that the database server is running and reachable, and that spring.datasource.url, username"
                + " and password (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD) are right.";
        return new FailureAnalysis(description, action, cause);
    }

    /** The database's URL as configured, without a password given in it. */
    static String url(Environment environment) {
        return environment.getProperty("spring.datasource.url", "(no spring.datasource.url)")
                .replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static boolean cannotConnect(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof SQLInvalidAuthorizationSpecException || state.startsWith("08") || state.startsWith("28")
                || e.getErrorCode() == H2_IO_EXCEPTION || e.getErrorCode() == H2_FILE_IN_USE;
    }
}
