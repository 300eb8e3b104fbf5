package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.SmallCompany;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A CRM export with its own headers, date format, delimiter, encoding and stage names, and a
 * CRM reporting database read with SQL: both load by adding a mapping file, no code.
 */
abstract class ForeignSourcesScenario extends IngestTestBase {

    private static final String CRM_URL = "jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    /** Mapping files: the shipped ones plus a CRM export and a CRM database. */
    static void registerSources(DynamicPropertyRegistry registry) throws IOException {
        Path sources = Files.createTempDirectory("sources");
        try (var defaults = Files.list(Path.of("jobs/sources"))) {
            for (Path file : defaults.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Files.copy(file, sources.resolve(file.getFileName()));
            }
        }
        Files.writeString(sources.resolve("crm-deals.yml"), """
                name: crm-deals
                kind: opportunity
                type: csv
                file-pattern: "crm_deals_*.csv"
                encoding: GB18030
                delimiter: ";"
                date-formats: ["MM/dd/yyyy"]
                columns:
                  opportunity_id: deal_id
                  customer_id: account_code
                  owner_id: owner_login
                  name: deal_name
                  product_line: product
                  amount: deal_value
                  stage: deal_stage
                  expected_close_date: close_date_expected
                  created_date: created
                  closed_date: closed
                  forecast_category: forecast
                values:
                  stage:
                    Prospecting: IDENTIFIED
                    Engaging: QUALIFIED
                    Negotiating: COMMITTED
                    Won: WON
                    Lost: LOST
                  forecast_category:
                    Upside: BEST_CASE
                """);
        Files.writeString(sources.resolve("crm-plans.yml"), """
                name: crm-plans
                kind: visit_plan
                type: jdbc
                jdbc:
                  url: "%s"
                  username: sa
                  password: ""
                sql: "SELECT owner AS rep, visit_day AS plan_day, account, why, at_time FROM crm_plan WHERE visit_day = :business_date"
                columns:
                  rep_id: rep
                  plan_date: plan_day
                  customer_id: account
                  purpose: why
                  planned_time: at_time
                values:
                  purpose:
                    follow-up: SERVICE
                    closing: ORDER
                """.formatted(CRM_URL));
        registry.add("kam.sources", sources::toString);
    }

    @Test
    void aCrmExportAndACrmDatabaseLoadThroughTheirMappingFiles() throws Exception {
        SmallCompany.writeInbox(inbox);
        SmallCompany.write(inbox.resolve("crm_deals_20260511.csv"), String.join("\r\n",
                "deal_id;account_code;owner_login;deal_name;product;deal_value;deal_stage;close_date_expected;created;closed;forecast",
                "D-1;C001;R001;电力公司扩容;云服务;250000;Engaging;06/30/2026;04/02/2026;;Upside",
                "D-2;C002;R002;医院二期;网络专线;90000;Won;05/08/2026;03/01/2026;05/08/2026;",
                "D-3;C003;R001;银行;信息安全;10000;Evaluating;07/01/2026;04/01/2026;;", ""), Charset.forName("GB18030"), false);
        try (Connection crm = DriverManager.getConnection(CRM_URL, "sa", "")) {
            crm.createStatement().execute("DROP TABLE IF EXISTS crm_plan");
            crm.createStatement().execute("CREATE TABLE crm_plan (owner VARCHAR(20), visit_day DATE, account VARCHAR(20),"
                    + " why VARCHAR(20), at_time VARCHAR(5))");
            crm.createStatement().execute("INSERT INTO crm_plan VALUES ('R001', DATE '2026-05-11', 'C001', 'closing', '09:00'),"
                    + " ('R002', DATE '2026-05-11', 'C002', 'follow-up', '14:30'), ('R002', DATE '2026-05-11', 'C004', 'lunch', '12:00'),"
                    + " ('R001', DATE '2026-05-12', 'C003', 'closing', '10:00')");
        }

        IngestService.Result result = ingest(MAY_11);

        assertThat(result.succeeded()).isTrue();
        Map<String, Object> deal = rows("SELECT * FROM opportunity_snapshot WHERE opportunity_id = 'D-1'").get(0);
        assertThat(deal.get("stage")).isEqualTo("QUALIFIED");
        assertThat(deal.get("source_stage")).isEqualTo("Engaging");
        assertThat(deal.get("forecast_category")).isEqualTo("BEST_CASE");
        assertThat(deal.get("name")).isEqualTo("电力公司扩容");
        assertThat(deal.get("snapshot_date").toString()).isEqualTo("2026-05-11");
        assertThat(deal.get("expected_close_date").toString()).isEqualTo("2026-06-30");
        assertThat(rows("SELECT line_no, reason FROM ingest_reject WHERE source_name = 'crm-deals'")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("line_no")).hasToString("4");
                    assertThat((String) r.get("reason")).startsWith("unmapped stage 'Evaluating'");
                });

        assertThat(jdbc.queryForList("SELECT CONCAT(rep_id, ' ', customer_id, ' ', purpose, ' ', planned_time) FROM visit_plan"
                + " WHERE source_name = 'crm-plans' ORDER BY rep_id", String.class))
                .containsExactly("R001 C001 ORDER 09:00", "R002 C002 SERVICE 14:30");
        assertThat(rows("SELECT reason FROM ingest_reject WHERE source_name = 'crm-plans'")).singleElement()
                .satisfies(r -> assertThat((String) r.get("reason")).startsWith("unmapped purpose 'lunch'"));
        assertThat(result.summary().sources()).allSatisfy(line -> assertThat(line.balanced()).isTrue());
    }
}
