package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DatabaseUnavailableFailureAnalyzerTest {

    @TempDir
    Path work;

    @Test
    void aServerThatDoesNotAnswerIsNamedWithItsUrlAndTheDriversReason() {
        String url = "jdbc:mariadb://127.0.0.1:1/kam?user=kam&password=secret";
        FailureAnalysis analysis = analyse(url, connect(url));

        assertThat(analysis.getDescription()).startsWith("Cannot open the database jdbc:mariadb://127.0.0.1:1/kam?user=kam&password=***: ")
                .contains("127.0.0.1:1").doesNotContain("secret");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void aDamagedEmbeddedDatabaseSaysWhatToDoWithItsFile() throws Exception {
        Files.write(work.resolve("kam.mv.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        String url = "jdbc:h2:file:" + work.resolve("kam") + ";MODE=MariaDB";
        FailureAnalysis analysis = analyse(url, connect(url));

        assertThat(analysis.getDescription()).startsWith("Cannot open the database " + url + ": ");
        assertThat(analysis.getAction()).contains("move the database folder aside");
    }

    @Test
    void aPrivilegeTheMariaDbUserLacksIsNamedWithTheGrantThatGivesIt() {
        String url = "jdbc:mariadb://db.example.com:3306/kam?allowLocalInfile=true";
        SQLException denied = new java.sql.SQLSyntaxErrorException("(conn=946) CREATE command denied to user 'kam'@'10.0.0.5'"
                + " for table `kam`.`flyway_schema_history`", "42000", 1142);

        FailureAnalysis analysis = analyse(url, denied);

        assertThat(analysis.getDescription()).isEqualTo("Cannot use the database " + url + ": its user lacks a privilege the"
                + " pipeline needs: " + denied.getMessage());
        assertThat(analysis.getAction()).contains("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,"
                + " CREATE VIEW, SHOW VIEW, CREATE TEMPORARY TABLES, LOCK TABLES ON kam.* TO 'kam'@'10.0.0.5';");
    }

    @Test
    void aFailureThatIsNotAboutConnectingIsLeftToSpring() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:analyzer")) {
            SQLException syntax = catchThrowableOfType(SQLException.class,
                    () -> connection.createStatement().execute("SELEC 1"));
            assertThat(analyse("jdbc:h2:mem:analyzer", syntax)).isNull();
        }
    }

    /** The analysis of a start-up failure caused, a few levels down, by {@code cause}. */
    private static FailureAnalysis analyse(String url, SQLException cause) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url)));
        RuntimeException startup = new IllegalStateException("Error creating bean with name 'flywayInitializer'",
                new RuntimeException("Unable to obtain connection from database", cause));
        return new DatabaseUnavailableFailureAnalyzer(environment).analyze(startup);
    }

    private static SQLException connect(String url) {
        return catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url).close());
    }
}
