package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.sample.GeneratorOptions;
import com.kam.pipeline.sample.SampleDataGenerator;
import com.kam.pipeline.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The committed sample company is what the generator makes, and its ingest rejects exactly the
 * bad rows the generator planted, at the line it planted them, and nothing else.
 */
class SampleDataIngestTest extends IngestTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, TestDatabases.h2Url("sample"));
        registry.add("kam.ingest.chunk-size", () -> "1000");
    }

    @Test
    void theSampleDataLoadsAndRejectsExactlyThePlantedBadRows() throws Exception {
        SampleDataGenerator generator = new SampleDataGenerator(GeneratorOptions.sample());
        Path generated = work.resolve("generated");
        generator.generate(generated);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                assertThat(Path.of("sample-data").resolve(file.getFileName()))
                        .as("sample-data/ is what the generator writes").hasSameBinaryContentAs(file);
            }
        }
        Files.move(generated, inbox);

        IngestService.Result result = ingest(LocalDate.of(2026, 10, 31));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.summary().sources()).allSatisfy(line -> assertThat(line.balanced()).isTrue());
        List<String> planted = generator.injectedBadRows().stream()
                .map(bad -> bad.file() + ":" + Math.max(bad.line(), 1)).sorted().toList();
        List<String> rejected = jdbc.queryForList("SELECT CONCAT(file_name, ':', line_no) FROM ingest_reject", String.class)
                .stream().sorted().toList();
        assertThat(rejected).isEqualTo(planted);
        assertThat(count("SELECT COUNT(*) FROM report_line")).isEqualTo(15257);
        // next week's plans, filed ahead, load with the rest
        assertThat(count("SELECT COUNT(DISTINCT plan_date) FROM visit_plan WHERE plan_date > '2026-10-31'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(DISTINCT customer_class) FROM customer")).isEqualTo(9);
    }
}
