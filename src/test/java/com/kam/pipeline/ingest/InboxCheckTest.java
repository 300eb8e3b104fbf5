package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What kam check says of the files waiting in the inbox, with the shipped mappings and one added by an operator. */
class InboxCheckTest {

    @TempDir
    Path dir;

    @Test
    void eachFileNeedsExactlyOneSourceAndAFileTwoPatternsMatchIsNamed() throws Exception {
        Path sources = dir.resolve("sources");
        Files.createDirectories(sources);
        try (var shipped = Files.list(Path.of("jobs/sources"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Files.copy(file, sources.resolve(file.getFileName()));
            }
        }
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("daily_reports_2026-10-30.csv"), "rep_id\n");
        Files.writeString(inbox.resolve("customers.csv"), "customer_id\n");
        Files.writeString(inbox.resolve("notes.txt"), "for the ops team\n");
        Files.writeString(inbox.resolve(".partial"), "hidden: an upload in progress\n");

        assertThat(InboxCheck.describe(SourceCatalog.load(sources, Map.of()), inbox)).isEqualTo("3 file(s) waiting in " + inbox
                + ", 2 with their source; no source matches notes.txt (left in the inbox)");

        // an operator adds a mapping for a second CRM export whose pattern also takes the daily reports
        Files.writeString(sources.resolve("crm-reports.yml"), """
                name: crm-reports
                kind: daily_report
                type: csv
                file-pattern: "daily_*.csv"
                """);
        assertThatThrownBy(() -> InboxCheck.describe(SourceCatalog.load(sources, Map.of()), inbox))
                .hasMessage(inbox.resolve("daily_reports_2026-10-30.csv") + " matches the file-pattern of several sources"
                        + " (crm-reports, daily-reports): narrow one, or the file stays in the inbox unread");
        assertThat(InboxCheck.describe(SourceCatalog.load(sources, Map.of()), dir.resolve("no-such-inbox")))
                .isEqualTo("no inbox folder " + dir.resolve("no-such-inbox") + " yet");
    }

    @Test
    void aFileTheIngestWouldRefuseIsNamedWithTheReason() throws Exception {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("daily_reports_2026-11-03.csv"), """
                report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                2026-11-03,C000001,09:30,订货,签了订单,是,20000,2026-11-03 19:30:00,出勤
                """);
        Files.writeString(inbox.resolve("daily_reports_2026-11-04.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                E00014,2026-11-04,C000001,09:30,订货,签了订单,是,20000,2026-11-04 19:30:00,出勤
                """);

        // every file it would refuse, with the reason; a good one is not named
        assertThatThrownBy(() -> InboxCheck.describe(SourceCatalog.load(Path.of("jobs/sources"), Map.of()), inbox))
                .hasMessage(inbox.resolve("daily_reports_2026-11-03.csv") + ": missing column in the header: rep_id"
                        + " (the ingest would refuse it)");

        Files.writeString(inbox.resolve("daily_reports_2026-11-03.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                E00014,2026-11-03,C000001,09:30,订货,"签了订单,是,20000,2026-11-03 19:30:00,出勤
                """);
        assertThatThrownBy(() -> InboxCheck.describe(SourceCatalog.load(Path.of("jobs/sources"), Map.of()), inbox))
                .hasMessageContaining("daily_reports_2026-11-03.csv: malformed CSV from line 2");

        // a UTF-8 file with a cell pasted in from a GBK one
        Files.write(inbox.resolve("daily_reports_2026-11-03.csv"), (
                "rep_id,report_date,customer_id,visit_time,purpose,outcome\n"
                + "E00014,2026-11-03,C000001,09:30,订货,签了订单\n"
                + "E00014,2026-11-03,C000002,10:30,服务,客户满意\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(inbox.resolve("daily_reports_2026-11-03.csv"), "E00014,2026-11-03,C000003,11:30,市场调研,了解预算\n"
                .getBytes(java.nio.charset.Charset.forName("GBK")), java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> InboxCheck.describe(SourceCatalog.load(Path.of("jobs/sources"), Map.of()), inbox))
                .hasMessage(inbox.resolve("daily_reports_2026-11-03.csv") + ": mixed encoding: line 4 is not UTF-8 (GBK?), the"
                        + " rest is UTF-8: save the file in one encoding (UTF-8) and drop it again (the ingest would refuse it)");
    }
}
