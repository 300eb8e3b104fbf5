package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping file an operator got wrong is refused with its file, line and reason. */
class SourceCatalogTest {

    @TempDir
    Path folder;

    @Test
    void theShippedMappingFilesAreValid() {
        SourceCatalog catalog = SourceCatalog.load(Path.of("jobs/sources"), Map.of());
        assertThat(catalog.sources()).extracting(Source::name)
                .contains("org", "customers", "targets", "visit-plans", "daily-reports", "opportunities", "stage-changes");
    }

    @Test
    void anUnknownCanonicalFieldIsRefusedWithItsLine() throws IOException {
        write("""
                name: crm
                kind: opportunity
                type: csv
                file-pattern: "x_*.csv"
                columns:
                  opportunity_id: deal_id
                  stagex: deal_stage
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:7: columns: 'stagex' is not a field of kind opportunity");
    }

    @Test
    void aValueMappedToNoCanonicalStageIsRefused() throws IOException {
        write("""
                name: crm
                kind: opportunity
                type: csv
                file-pattern: "x_*.csv"
                values:
                  stage:
                    Prospecting: PROSPECT
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:7: values.stage: 'PROSPECT' is not a stage code");
    }

    @Test
    void brokenYamlAndUnknownSettingsPointAtTheirLine() throws IOException {
        write("""
                name: crm
                kind: opportunity
                type: csv
                file-patern: "x_*.csv"
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:4:").hasMessageContaining("file-patern");
        write("""
                name: crm
                kind: [opportunity
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageMatching(".*crm.yml:\\d+: .*");
        // a line indented with a tab is named itself, not the line before it
        write("name: crm\nkind: daily_report\ntype: csv\nfile-pattern: \"x_*.csv\"\n\tdescription: x\n");
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:5:");
    }

    @Test
    void ignoreColumnsNamesColumnsTheSourceDoesNotReadAndNoneItMaps() throws IOException {
        write("""
                name: crm
                kind: daily_report
                type: csv
                file-pattern: "x_*.csv"
                columns:
                  order_amount: 订单金额
                ignore-columns: [" 毛利率 ", Manager]
                """);
        assertThat(SourceCatalog.load(folder, Map.of()).byName("crm").ignoredColumns()).containsExactlyInAnyOrder("毛利率", "manager");
        write("""
                name: crm
                kind: daily_report
                type: csv
                file-pattern: "x_*.csv"
                columns:
                  order_amount: 订单金额
                ignore-columns: [订单金额]
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:7: ignore-columns: '订单金额' is the column of order_amount; a column is either"
                        + " read or ignored");
    }

    @Test
    void anUnknownTypeOrEncodingIsNamedWithWhatIsAccepted() throws IOException {
        write("""
                name: crm
                kind: opportunity
                type: xls
                file-pattern: "x_*.xls"
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:3: type: unknown type 'xls'; expected csv, xlsx or jdbc (save an .xls workbook as .xlsx)");
        write("""
                name: crm
                kind: opportunity
                type: csv
                file-pattern: "x_*.csv"
                encoding: gbk2
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("crm.yml:5: encoding: unknown encoding 'gbk2'; use auto, UTF-8, GB18030");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamed() throws IOException {
        write("""
                name: crm
                kind: visit_plan
                type: jdbc
                jdbc:
                  url: ${CRM_URL}
                sql: SELECT 1
                """);
        assertThatThrownBy(() -> SourceCatalog.load(folder, Map.of())).isInstanceOf(MappingException.class)
                .hasMessageContaining("environment variable CRM_URL is not set");
        assertThat(SourceCatalog.load(folder, Map.of("CRM_URL", "jdbc:h2:mem:x")).byName("crm").jdbc().url())
                .isEqualTo("jdbc:h2:mem:x");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(folder.resolve("crm.yml"), yaml);
    }
}
