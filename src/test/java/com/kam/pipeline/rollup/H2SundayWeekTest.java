package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.report.ReportService;
import com.kam.pipeline.report.ReportType;
import com.kam.pipeline.support.Tables;
import com.kam.pipeline.support.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A company whose weeks run Sunday to Saturday ({@code week-start: SUNDAY} in rollup.yml): the
 * rollup's weeks, the weekly lists and the weekly report all follow it. On the embedded default.
 */
@SpringBootTest(properties = "kam.cli.enabled=false")
class H2SundayWeekTest {

    /** A copy of jobs/ with Sunday weeks, made before the context starts (so not a @TempDir); removed after. */
    private static Path jobs;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.register(registry, TestDatabases.h2Url("sunday-week"));
        jobs = Files.createTempDirectory("kam-sunday-week-jobs");
        try (Stream<Path> files = Files.walk(Path.of("jobs"))) {
            for (Path file : files.toList()) {
                Path copy = jobs.resolve(Path.of("jobs").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path rollupYml = jobs.resolve("rollup.yml");
        String settings = Files.readString(rollupYml, StandardCharsets.UTF_8);
        assertThat(settings).contains("week-start: MONDAY");
        Files.writeString(rollupYml, settings.replace("week-start: MONDAY", "week-start: SUNDAY"), StandardCharsets.UTF_8);
        Path copied = jobs;
        registry.add("kam.jobs", copied::toString);
        registry.add("kam.sources", () -> copied.resolve("sources").toString());
    }

    @org.junit.jupiter.api.AfterAll
    static void removeJobsCopy() throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(jobs);
    }

    @Autowired
    IngestService ingest;

    @Autowired
    RollupCommand rollup;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void theRollupsWeeksAndTheWeeklyReportRunFromSundayToSaturday() throws Exception {
        Tables.empty(jdbc);
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        RollupFixture.writeMasterData(inbox);
        for (String[] report : RollupFixture.REPORTS) {
            if (List.of("2026-11-30", "2026-12-01", "2026-12-02").contains(report[0])) {
                RollupFixture.report(inbox, report[0], report[1]);
            }
        }
        // Saturday 12-05 closes the week that began on Sunday 11-29
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        assertThat(ingest.ingest(saturday, false, inbox, work.resolve("out")).succeeded()).isTrue();
        StringWriter log = new StringWriter();
        assertThat(rollup.run(saturday, false, false, new PrintWriter(log), new PrintWriter(log))).as(log.toString()).isZero();

        // team SH's week: 王小明's 10,000 on 11-30 and 周晓燕's 5,000 on 12-01
        assertThat(jdbc.queryForList("SELECT DISTINCT period_start, period_end FROM rollup WHERE period_type = 'WEEK'"
                + " AND period_start <= '2026-12-05' AND period_end >= '2026-11-29'")).hasSize(1)
                .first().satisfies(week -> {
                    assertThat(week.get("period_start").toString()).isEqualTo("2026-11-29");
                    assertThat(week.get("period_end").toString()).isEqualTo("2026-12-05");
                });
        assertThat(jdbc.queryForObject("SELECT orders_amount FROM rollup WHERE period_type = 'WEEK' AND period_start = '2026-11-29'"
                + " AND entity_type = 'TEAM' AND entity_id = 'SH'", BigDecimal.class)).isEqualByComparingTo("15000.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM next_week_target WHERE week_start = '2026-11-29'"
                + " AND next_week_start = '2026-12-06'", Integer.class)).isPositive();

        // the report job makes the weekly report on the Saturday, for that week
        Path out = work.resolve("out");
        ReportService.Result result = reports.run(saturday, null, false, out);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.types()).extracting(ReportService.TypeSummary::type).contains(ReportType.WEEKLY);
        String file = jdbc.queryForObject("SELECT file_path FROM report_archive WHERE report_type = 'WEEKLY'"
                + " AND entity_id = 'SH' AND language = 'zh'", String.class);
        assertThat(text(Path.of(file))).contains("销售管理周报", "2026-11-29 ~ 2026-12-05", "15,000.00",
                "下周目标与计划（2026-12-06 ~ 2026-12-12）");
    }

    private static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
