package com.kam.pipeline.system;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A database that cannot be opened at start (the server down, a wrong password, a damaged H2
 * file, a MariaDB database that does not exist) or that the user may not use as the migrations
 * need (a privilege missing) stops every command before it runs: say so in two lines, with the URL,
 * the driver's reason and what to do, instead of the stack trace through Flyway and Spring that
 * hides them.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** What the application's user needs on its database (README.md, "Pointing it at MariaDB"). */
    static final String PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW,"
            + " SHOW VIEW, CREATE TEMPORARY TABLES, LOCK TABLES";

    /** H2's "IO Exception" opening its file, and "database may be already in use". */
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_FILE_IN_USE = 90020;
    /** MariaDB's "Unknown database", and "Access denied for user ... to database" (also its answer for an unknown one). */
    private static final int MARIADB_UNKNOWN_DATABASE = 1049;
    private static final int MARIADB_DATABASE_DENIED = 1044;
    /** MariaDB's "... command denied" for a table, for a column, and "you need (at least one of) the ... privilege(s)". */
    private static final Set<Integer> MARIADB_PRIVILEGE_MISSING = Set.of(1142, 1143, 1227);
    private static final Pattern DATABASE_NAME = Pattern.compile("^jdbc:(?:mariadb|mysql)://[^/]*/([^?;/]+)");
    private static final Pattern DENIED_USER = Pattern.compile("user '([^']*)'@'([^']*)'");

    private final Environment environment;

    DatabaseUnavailableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = url(environment);
        boolean mariaDb = url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
        if (mariaDb && (cause.getErrorCode() == MARIADB_UNKNOWN_DATABASE || cause.getErrorCode() == MARIADB_DATABASE_DENIED)) {
            // the server tells a user without rights on a database only that access is denied, not whether it exists
            String database = databaseName(url);
            return new FailureAnalysis("Cannot open the database " + url + ": " + cause.getMessage(),
                    (cause.getErrorCode() == MARIADB_UNKNOWN_DATABASE ? "The server has no database " + database + "."
                            : "The database " + database + " does not exist, or its user has no privileges on it.")
                            + " Create it, in utf8mb4 so that Chinese text round-trips, and grant the application's user the"
                            + " privileges it needs (README.md, \"Pointing it at MariaDB\"), as root:\n    CREATE DATABASE IF NOT"
                            + " EXISTS " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                            + (user(cause).startsWith("'root'@") ? "" : "    " + grant(database, cause) + "\n")
                            + "then run again; or, if the name is mistyped, correct"
                            + " spring.datasource.url (SPRING_DATASOURCE_URL).", cause);
        }
        if (mariaDb && MARIADB_PRIVILEGE_MISSING.contains(cause.getErrorCode())) {
            String database = databaseName(url);
            return new FailureAnalysis("Cannot use the database " + url + ": its user lacks a privilege the pipeline needs: "
                    + cause.getMessage(),
                    "Grant the application's user the privileges it needs on the database (README.md, \"Pointing it at"
                            + " MariaDB\"), as root:\n    " + grant(database, cause) + "\nthen run again.", cause);
        }
        if (!cannotConnect(cause)) {
            return null; // a failing migration and the like: Spring's own report says more
        }
        String description = "Cannot open the database " + url + ": " + cause.getMessage();
        String action = url.startsWith("jdbc:h2:")
                ? "The embedded H2 database could not be opened. If another kam command is running on it, wait for it;"
                + " if its file is damaged, move the database folder aside (./data by default) and run again:"
                + " the next run starts an empty database."
                : "Check that the database server is running and reachable, and that spring.datasource.url, username"
                + " and password (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD) are right.";
        return new FailureAnalysis(description, action, cause);
    }

    /** The GRANT of what the pipeline needs, to the user the server named (or the configured one, from any host). */
    private String grant(String database, SQLException cause) {
        return "GRANT " + PRIVILEGES + " ON " + database + ".* TO " + user(cause) + ";";
    }

    /** The user as the server named it ('kam'@'10.0.0.5'), or the configured one, from any host. */
    private String user(SQLException cause) {
        Matcher denied = DENIED_USER.matcher(String.valueOf(cause.getMessage()));
        return denied.find() ? "'" + denied.group(1) + "'@'" + denied.group(2) + "'"
                : "'" + environment.getProperty("spring.datasource.username", "kam") + "'@'%'";
    }

    private static String databaseName(String url) {
        Matcher name = DATABASE_NAME.matcher(url);
        return name.find() ? name.group(1) : "kam";
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
