package com.kam.pipeline.system;

import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How Flyway meets the database at start, by the command the command line names (Spring Boot
 * migrates at start, before picocli runs the command): a command that writes migrates the schema,
 * unless the database is newer than this release, which it refuses ({@link NewerSchemaException});
 * a command that only reads ({@link ReadsOnly}) migrates nothing and keeps the schema's state for
 * the command to report; {@code --help}, {@code --version} and a mistyped command do not read the
 * database at all. Without the command line (tests, {@code kam.cli.enabled=false}) it migrates.
 */
@Component
class SchemaMigration implements FlywayMigrationStrategy {

    enum Use { MIGRATE, READ, NONE }

    private final Use use;
    private volatile SchemaState state;

    SchemaMigration(Environment environment, ObjectProvider<ApplicationArguments> arguments) {
        boolean commandLine = environment.getProperty("kam.cli.enabled", Boolean.class, true);
        ApplicationArguments given = arguments.getIfAvailable();
        this.use = use(commandLine, given == null ? new String[0] : given.getSourceArgs());
    }

    static Use use(boolean commandLine, String... args) {
        if (!commandLine) {
            return Use.MIGRATE;
        }
        return KamCommandLine.commandNamed(args)
                .map(command -> ReadsOnly.class.isAssignableFrom(command) ? Use.READ : Use.MIGRATE).orElse(Use.NONE);
    }

    @Override
    public void migrate(Flyway flyway) {
        if (use == Use.NONE) {
            return;
        }
        SchemaState before = SchemaState.of(flyway.info());
        if (use == Use.READ) {
            state = before;
            return;
        }
        if (before.newerThanRelease()) {
            throw new NewerSchemaException(before);
        }
        EditedMigrations.realign(flyway);
        flyway.migrate();
        state = SchemaState.of(flyway.info());
    }

    /** The schema's state as this start found it (after migrating, for a command that writes). */
    Optional<SchemaState> state() {
        return Optional.ofNullable(state);
    }

    /** A command that writes, started on a database a later release has migrated. */
    static final class NewerSchemaException extends IllegalStateException {

        private final transient SchemaState state;

        NewerSchemaException(SchemaState state) {
            super("the database's schema is at V" + state.database() + ", newer than this release knows (V" + state.release()
                    + ")");
            this.state = state;
        }

        SchemaState state() {
            return state;
        }
    }
}
