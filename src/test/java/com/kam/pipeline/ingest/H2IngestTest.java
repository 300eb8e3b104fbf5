package com.kam.pipeline.ingest;

import com.kam.pipeline.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ingest scenarios on the embedded default, H2 in MariaDB mode. */
class H2IngestTest extends IngestScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("ingest"));
    }
}
