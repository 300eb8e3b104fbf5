package com.kam.pipeline.ingest;

import com.kam.pipeline.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Kill and restart on the embedded default: an H2 file database that the child process shares. */
class H2KillAndRestartTest extends KillAndRestartScenario {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path folder = Files.createTempDirectory("kam-h2");
        url = TestDatabases.h2FileUrl(folder.resolve("kam"));
        TestDatabases.register(registry, url);
    }

    @Override
    String databaseUrl() {
        return url;
    }
}
