package com.kam.pipeline.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A command that writes, started on a database whose schema a later release has migrated: it stops
 * before doing anything, saying so in two lines (this release's code would write rows the newer
 * schema may not take, or miss columns it now needs).
 */
class NewerSchemaFailureAnalyzer extends AbstractFailureAnalyzer<SchemaMigration.NewerSchemaException> {

    private final Environment environment;

    NewerSchemaFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaMigration.NewerSchemaException cause) {
        String url = DatabaseUnavailableFailureAnalyzer.url(environment);
        SchemaState state = cause.state();
        return new FailureAnalysis("Refusing to run on the database " + url + ": its schema is at V" + state.database()
                + ", newer than this release of kam-pipeline knows (V" + state.release() + "). A later release has upgraded"
                + " it; this one would write to it without knowing its last migrations.",
                "Run the release that upgraded the database (kam --version names the schema a release brings), or point"
                        + " this one at another database. kam check and kam runs still read it.", cause);
    }
}
