package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's refusal of LOAD DATA LOCAL INFILE, as the driver reports it (error 4166 either way; the
 * messages of MariaDB 10.11 and mariadb-java-client 3), said as what to do about it.
 */
class LocalInfileRefusedTest {

    @Test
    void theServersLocalInfileOffSaysTheStatementThatTurnsItOn() {
        SQLException server = new SQLException("(conn=4) The used command is not allowed because the MariaDB server or client"
                + " has disabled the local infile capability", "HY000", 4166);

        assertThat(LocalInfileRefused.of(server)).get().hasToString("MariaDB refuses LOAD DATA LOCAL INFILE (local_infile is OFF"
                + " on the server): run SET GLOBAL local_infile = 1 as an administrator, and set local_infile = ON under"
                + " [mariadbd] in the server's configuration so that a restart keeps it; then run again; see README.md,"
                + " \"Pointing it at MariaDB\"");
        // before MariaDB 10.5
        assertThat(LocalInfileRefused.of(new SQLException("The used command is not allowed with this MariaDB version", "42000",
                1148))).get().extracting(Throwable::getMessage).asString().startsWith("MariaDB refuses LOAD DATA LOCAL INFILE");
    }

    @Test
    void theConnectionsAllowLocalInfileFalseSaysToTakeItOutOfTheUrl() {
        SQLException driver = new SQLException("Local infile is disabled by connector. Enable `allowLocalInfile` to allow local"
                + " infile commands", "HY000", 4166);

        assertThat(LocalInfileRefused.of(driver)).get().extracting(Throwable::getMessage).asString()
                .startsWith("the MariaDB driver refuses LOAD DATA LOCAL INFILE (spring.datasource.url sets allowLocalInfile=false):"
                        + " take allowLocalInfile out of the URL");
    }

    @Test
    void otherErrorsAreNoRefusalAndTheRefusalHasNoStackTrace() {
        assertThat(LocalInfileRefused.of(new SQLSyntaxErrorException("Table 'kam.x' doesn't exist", "42S02", 1146))).isEmpty();

        LocalInfileRefused refused = LocalInfileRefused.of(new SQLException("refused", "HY000", 4166)).orElseThrow();
        assertThat(refused.getStackTrace()).isEmpty();
        assertThat(ExplainedFailure.in(new IllegalStateException("Unable to process chunk", refused))).containsSame(refused);
    }
}
