package com.kam.pipeline.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Where the database's schema is against the migrations this release brings: the version applied
 * last (none on an empty database), this release's last, and those it would apply.
 */
public record SchemaState(MigrationVersion database, MigrationVersion release, List<MigrationVersion> pending) {

    /** The writing commands, as a reader meets them in the messages. */
    static final String WRITING_COMMANDS = "nightly, ingest, ...";

    static SchemaState of(MigrationInfoService info) {
        MigrationInfo current = info.current();
        MigrationVersion release = Arrays.stream(info.all()).filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        List<MigrationVersion> pending = Arrays.stream(info.pending()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).sorted().toList();
        return new SchemaState(current == null ? null : current.getVersion(), release, pending);
    }

    public boolean empty() {
        return database == null;
    }

    /** A later release has migrated the database: this one does not know its last migrations. */
    public boolean newerThanRelease() {
        return database != null && release != null && database.compareTo(release) > 0;
    }

    public boolean upToDate() {
        return !empty() && pending.isEmpty() && !newerThanRelease();
    }

    /** The state in words, e.g. {@code schema at V29, this release brings V30..V34; the next run (...) applies them}. */
    public String describe() {
        if (newerThanRelease()) {
            return "schema at V" + database + ", newer than this release knows (V" + release + "): a later release has"
                    + " upgraded it; this one refuses to run the commands that write (run the release that upgraded it)";
        }
        if (empty()) {
            return "empty, no schema yet; the next run (" + WRITING_COMMANDS + ") creates it (" + range() + ")";
        }
        if (pending.isEmpty()) {
            return "schema at V" + database + ", up to date";
        }
        return "schema at V" + database + ", this release brings " + range() + "; the next run (" + WRITING_COMMANDS
                + ") applies " + (pending.size() == 1 ? "it" : "them");
    }

    private String range() {
        MigrationVersion first = pending.get(0);
        MigrationVersion last = pending.get(pending.size() - 1);
        return pending.size() == 1 ? "V" + first : "V" + first + "..V" + last;
    }
}
