package com.kam.pipeline.ingest;

import com.kam.pipeline.support.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Spring context on a database of the subclass's choosing, emptied before each test. */
@SpringBootTest(properties = {"kam.cli.enabled=false", "kam.ingest.chunk-size=4"})
abstract class IngestTestBase {

    static final LocalDate MAY_11 = LocalDate.of(2026, 5, 11);

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @TempDir
    Path work;

    Path inbox;
    Path out;

    @BeforeEach
    void emptyDatabase() {
        Tables.empty(jdbc);
        inbox = work.resolve("inbox");
        out = work.resolve("out");
    }

    IngestService.Result ingest(LocalDate date) throws Exception {
        return ingest.ingest(date, false, inbox, out);
    }

    IngestService.Result ingestForced(LocalDate date) throws Exception {
        return ingest.ingest(date, true, inbox, out);
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
