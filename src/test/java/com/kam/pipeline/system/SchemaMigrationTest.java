package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.system.SchemaMigration.Use;
import org.junit.jupiter.api.Test;

/** Which starts migrate the schema: those of the commands that write, and the application without its command line. */
class SchemaMigrationTest {

    @Test
    void commandsThatWriteMigrateThoseThatReadOnlyReadTheStateAndHelpReadsNothing() {
        for (String writes : new String[] {"nightly", "ingest", "rollup", "forecast", "report", "deliver", "backfill",
                "resend", "backtest", "serve", "bench"}) {
            assertThat(SchemaMigration.use(true, writes, "--date", "2026-10-31")).as(writes).isEqualTo(Use.MIGRATE);
        }
        for (String reads : new String[] {"check", "runs", "extract", "generate"}) {
            assertThat(SchemaMigration.use(true, reads, "--help")).as(reads).isEqualTo(Use.READ);
        }
        assertThat(SchemaMigration.use(true, "--version")).isEqualTo(Use.NONE);
        assertThat(SchemaMigration.use(true, "--help")).isEqualTo(Use.NONE);
        assertThat(SchemaMigration.use(true, "nighly", "--date", "2026-10-31")).isEqualTo(Use.NONE);
        assertThat(SchemaMigration.use(true)).isEqualTo(Use.NONE);
        assertThat(SchemaMigration.use(false)).isEqualTo(Use.MIGRATE);
    }
}
