package com.kam.pipeline.ingest;

import com.kam.pipeline.support.TestDatabases;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A foreign CRM export and a CRM database, loaded into H2. */
class H2ForeignSourcesTest extends ForeignSourcesScenario {

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.register(registry, TestDatabases.h2Url("foreign"));
        registerSources(registry);
    }
}
