package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A company small enough to forecast by hand, as of 2026-06-10. One region 华东区, two teams:
 * 上海办事处 (T1: R1 王小明, R2 周晓燕) and 杭州办事处 (T2: R3, whose name "=吴昊+1" starts like a formula).
 *
 * Closed (in the snapshots of 2026-05-01 and 2026-06-10), all created 2026-03-01 and moved to
 * COMMITTED on 2026-04-01:
 *   H1 R1 WON 100,000 closed 04-11 | H2 R1 WON 200,000 closed 05-01 | H3 R2 LOST 50,000 closed 04-21
 *   H5 R2 LOST 60,000 closed 04-15 | H4 R3 WON 80,000 closed 04-21
 * Open on 2026-06-10:
 *   O1 R1 COMMITTED 100,000 expected 06-20, in stage since 06-01, COMMIT
 *   O2 R2 DEVELOPED 200,000 expected 07-15 (06-30 on 05-01: pushed once), since 05-20, BEST_CASE
 *   O3 R3 COMMITTED  50,000 expected 06-05 (05-25 on 05-01: pushed once, and passed), since 06-05, COMMIT
 *   O4 R1 IDENTIFIED 300,000 expected 09-30, created 06-01, PIPELINE
 *   O5 R2 COMMITTED  10,000 expected 08-31, since 05-01 (stalled), PIPELINE
 * Targets: 100,000 per rep per month, except June: R1 200,000.
 */
final class ForecastFixture {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 10);
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    private final JdbcTemplate jdbc;
    private int line;

    ForecastFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load() {
        person("R1", "王小明", "T1", "上海办事处");
        person("R2", "周晓燕", "T1", "上海办事处");
        person("R3", "=吴昊+1", "T2", "杭州办事处");
        for (String rep : new String[] {"R1", "R2", "R3"}) {
            for (int month = 4; month <= 7; month++) {
                target(rep, LocalDate.of(2026, month, 1), rep.equals("R1") && month == 6 ? 200_000 : 100_000);
            }
        }
        for (LocalDate s : new LocalDate[] {MAY_1, AS_OF}) {
            closed(s, "H1", "R1", 100_000, "WON", "2026-04-11");
            closed(s, "H2", "R1", 200_000, "WON", "2026-05-01");
            closed(s, "H3", "R2", 50_000, "LOST", "2026-04-21");
            closed(s, "H5", "R2", 60_000, "LOST", "2026-04-15");
            closed(s, "H4", "R3", 80_000, "WON", "2026-04-21");
        }
        for (String h : new String[] {"H1", "H2", "H3", "H4", "H5"}) {
            change(h, "2026-04-01", "IDENTIFIED", "COMMITTED");
        }
        // as seen on 05-01
        snapshot(MAY_1, "O2", "R2", "信息安全", 200_000, "IDENTIFIED", "2026-06-30", "2026-05-01", null, "PIPELINE");
        snapshot(MAY_1, "O3", "R3", "云服务", 50_000, "DEVELOPED", "2026-05-25", "2026-04-20", null, "BEST_CASE");
        snapshot(MAY_1, "O5", "R2", "云服务", 10_000, "COMMITTED", "2026-08-31", "2026-04-10", null, "PIPELINE");
        // as seen on 06-10
        snapshot(AS_OF, "O1", "R1", "云服务", 100_000, "COMMITTED", "2026-06-20", "2026-05-15", null, "COMMIT");
        snapshot(AS_OF, "O2", "R2", "信息安全", 200_000, "DEVELOPED", "2026-07-15", "2026-05-01", null, "BEST_CASE");
        snapshot(AS_OF, "O3", "R3", "云服务", 50_000, "COMMITTED", "2026-06-05", "2026-04-20", null, "COMMIT");
        snapshot(AS_OF, "O4", "R1", "数据中心", 300_000, "IDENTIFIED", "2026-09-30", "2026-06-01", null, "PIPELINE");
        snapshot(AS_OF, "O5", "R2", "云服务", 10_000, "COMMITTED", "2026-08-31", "2026-04-10", null, "PIPELINE");
        change("O1", "2026-06-01", "IDENTIFIED", "COMMITTED");
        change("O2", "2026-05-20", "IDENTIFIED", "DEVELOPED");
        change("O3", "2026-04-25", "IDENTIFIED", "DEVELOPED");
        change("O3", "2026-06-05", "DEVELOPED", "COMMITTED");
        change("O5", "2026-05-01", "IDENTIFIED", "COMMITTED");
    }

    static final LocalDate JUNE_29 = LocalDate.of(2026, 6, 29);

    /**
     * A snapshot of 06-29 (read as of 06-29, 06-30 and 07-01 alike): the deals open on 06-10 as they were, and W1,
     * R1's 70,000 won on 06-25 (created 06-01, in COMMITTED since 06-24: won a day after entering the stage).
     */
    void juneWin() {
        snapshot(JUNE_29, "O1", "R1", "云服务", 100_000, "COMMITTED", "2026-06-20", "2026-05-15", null, "COMMIT");
        snapshot(JUNE_29, "O2", "R2", "信息安全", 200_000, "DEVELOPED", "2026-07-15", "2026-05-01", null, "BEST_CASE");
        snapshot(JUNE_29, "O3", "R3", "云服务", 50_000, "COMMITTED", "2026-06-05", "2026-04-20", null, "COMMIT");
        snapshot(JUNE_29, "O4", "R1", "数据中心", 300_000, "IDENTIFIED", "2026-09-30", "2026-06-01", null, "PIPELINE");
        snapshot(JUNE_29, "O5", "R2", "云服务", 10_000, "COMMITTED", "2026-08-31", "2026-04-10", null, "PIPELINE");
        snapshot(JUNE_29, "W1", "R1", "云服务", 70_000, "WON", "2026-06-25", "2026-06-01", "2026-06-25", "COMMIT");
        change("W1", "2026-06-24", "IDENTIFIED", "COMMITTED");
    }

    /** The snapshot of {@code from} again, dated {@code to}: a night whose file showed no change. */
    void copySnapshot(LocalDate from, LocalDate to) {
        jdbc.update("INSERT INTO opportunity_snapshot (snapshot_date, opportunity_id, load_id, source_name, line_no, customer_id,"
                + " owner_id, name, product_line, amount, stage, source_stage, expected_close_date, created_date, closed_date,"
                + " forecast_category) SELECT ?, opportunity_id, load_id, source_name, line_no, customer_id, owner_id, name,"
                + " product_line, amount, stage, source_stage, expected_close_date, created_date, closed_date, forecast_category"
                + " FROM opportunity_snapshot WHERE snapshot_date = ?", Date.valueOf(to), Date.valueOf(from));
        versions(to);
    }

    /** Derives the deals' versions of a snapshot date written (or changed) here, as the ingest does. */
    void versions(LocalDate snapshot) {
        com.kam.pipeline.ingest.OpportunityVersions.derive(jdbc, "test", List.of(snapshot));
    }

    void person(String id, String name, String team, String teamName) {
        jdbc.update("INSERT INTO org_assignment (employee_id, valid_from, valid_to, name, role, email, language, team_code,"
                + " team_name, region_code, region_name, source_name, load_id) VALUES (?, ?, NULL, ?, 'REP', ?, 'zh', ?, ?,"
                + " 'EAST', '华东区', 'test', 0)", id, Date.valueOf("2025-01-01"), name, id.toLowerCase() + "@example.com",
                team, teamName);
    }

    void target(String rep, LocalDate month, long amount) {
        jdbc.update("INSERT INTO sales_target (rep_id, month_start, sales_target, source_name, load_id) VALUES (?, ?, ?, 'test', 0)",
                rep, Date.valueOf(month), BigDecimal.valueOf(amount));
    }

    void closed(LocalDate s, String id, String owner, long amount, String stage, String closedOn) {
        snapshot(s, id, owner, "云服务", amount, stage, closedOn, "2026-03-01", closedOn, "COMMIT");
    }

    void snapshot(LocalDate s, String id, String owner, String product, long amount, String stage, String expected,
                  String created, String closedOn, String category) {
        jdbc.update("INSERT INTO opportunity_snapshot (snapshot_date, opportunity_id, load_id, source_name, line_no, customer_id,"
                + " owner_id, name, product_line, amount, stage, source_stage, expected_close_date, created_date, closed_date,"
                + " forecast_category) VALUES (?, ?, 0, 'test', ?, 'C001', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Date.valueOf(s), id, ++line, owner, id + " 项目", product, BigDecimal.valueOf(amount), stage, stage,
                Date.valueOf(expected), Date.valueOf(created), closedOn == null ? null : Date.valueOf(closedOn), category);
        versions(s);
    }

    void change(String id, String on, String from, String to) {
        change(id, on, from, to, "LOG");
    }

    /** A stage change as the ingest derives it from two snapshots: dated the later snapshot's day. */
    void snapshotChange(String id, String on, String from, String to) {
        change(id, on, from, to, "SNAPSHOT");
    }

    private void change(String id, String on, String from, String to, String origin) {
        jdbc.update("INSERT INTO opportunity_stage_change (opportunity_id, changed_on, from_stage, to_stage, origin, load_id,"
                + " source_name) VALUES (?, ?, ?, ?, ?, 0, 'test')", id, Date.valueOf(on), from, to, origin);
    }
}
