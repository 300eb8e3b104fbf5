package com.kam.pipeline.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import picocli.CommandLine;

/**
 * {@code kam --version}: the release, the commit and time it was built from (git.properties and
 * META-INF/build-info.properties, written by the build; "unknown commit" for a build outside a git
 * work tree), and the database schema this release brings, its last migration.
 */
public class KamVersion implements CommandLine.IVersionProvider {

    private static final Pattern MIGRATION = Pattern.compile("^V([0-9._]+)__.*\\.sql$");

    @Override
    public String[] getVersion() {
        Properties build = read("META-INF/build-info.properties");
        Properties git = read("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev");
        String source = commit == null ? "unknown commit"
                : "commit " + commit + " of " + git.getProperty("git.commit.time", "an unknown time")
                + ("true".equals(git.getProperty("git.dirty")) ? " (with uncommitted changes)" : "");
        return new String[] {
            "kam-pipeline " + build.getProperty("build.version", "(version unknown)") + ", " + source + ", built "
                    + build.getProperty("build.time", "at an unknown time"),
            "database schema V" + releaseSchema() + " (its last migration; kam check says where a database is)"};
    }

    /** The version of this release's last migration: the schema it brings. */
    static MigrationVersion releaseSchema() {
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver(KamVersion.class.getClassLoader())
                    .getResources("classpath*:db/migration/V*__*.sql");
            return Arrays.stream(migrations).map(Resource::getFilename).filter(Objects::nonNull).map(MIGRATION::matcher)
                    .filter(Matcher::matches).map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException("no migration in db/migration"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = KamVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // a build without it: the fields say unknown
        }
        return properties;
    }
}
