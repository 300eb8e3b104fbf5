package com.kam.pipeline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The databases tests run on: H2 in MariaDB mode (always), and the real MariaDB server when
 * {@code -Dkam.test.mariadb.url=jdbc:mariadb://127.0.0.1:3306/} is given (as .ci/run does).
 * Every test class gets a database of its own, created fresh.
 */
public final class TestDatabases {

    public static final String MARIADB_URL = System.getProperty("kam.test.mariadb.url", "");

    /** The MariaDB databases this test run created: dropped when it ends, unless -Dkam.test.keep-databases=true. */
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

    private TestDatabases() {
    }

    public static boolean mariaDbAvailable() {
        return !MARIADB_URL.isBlank();
    }

    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    public static String h2FileUrl(java.nio.file.Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    /** Creates a new, empty MariaDB database (utf8mb4) and returns its JDBC URL. */
    public static String newMariaDb(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
        try (Connection c = DriverManager.getConnection(MARIADB_URL, "root", "")) {
            c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            dropAtExit(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create MariaDB database at " + MARIADB_URL + ": " + e.getMessage(), e);
        }
        String base = MARIADB_URL.endsWith("/") ? MARIADB_URL : MARIADB_URL + "/";
        return base + name + "?allowLocalInfile=true";
    }

    private static synchronized void dropAtExit(String name) {
        if (Boolean.getBoolean("kam.test.keep-databases")) {
            return;
        }
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
        }
        CREATED.add(name);
    }

    private static synchronized void dropCreated() {
        try (Connection c = DriverManager.getConnection(MARIADB_URL, "root", "")) {
            for (String name : CREATED) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
        }
    }

    public static void register(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> url.startsWith("jdbc:mariadb") ? "root" : "sa");
        registry.add("spring.datasource.password", () -> "");
    }
}
