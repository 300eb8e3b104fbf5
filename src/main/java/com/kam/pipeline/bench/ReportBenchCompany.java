package com.kam.pipeline.bench;

import com.kam.pipeline.rollup.RollupService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what a month's scorecards read for many reps straight into the database (org, appraisal
 * with five items, six MONTH rollups per rep), in batches, so the benchmark needs no rollup run.
 * Reps are numbered B000001.. in teams of ten; figures vary deterministically with the number.
 */
final class ReportBenchCompany {

    private static final String[] ITEMS = {"sales_amount", "gross_margin", "collections", "new_customers", "report_on_time"};
    private static final String[] GRADES = {"优秀", "良好", "中等", "及格", "差"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇"};

    private final JdbcTemplate jdbc;
    private final LocalDate month;

    ReportBenchCompany(JdbcTemplate jdbc, LocalDate month) {
        this.jdbc = jdbc;
        this.month = month;
    }

    /** Adds reps from+1 .. to. */
    void addReps(int from, int to) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (int start = from; start < to; start += 500) {
            int end = Math.min(to, start + 500);
            List<Object[]> org = new ArrayList<>();
            List<Object[]> appraisals = new ArrayList<>();
            List<Object[]> items = new ArrayList<>();
            List<Object[]> rollups = new ArrayList<>();
            for (int n = start + 1; n <= end; n++) {
                String rep = String.format("B%06d", n);
                String team = String.format("T%05d", (n - 1) / 10 + 1);
                String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / 10) % GIVEN.length];
                org.add(new Object[] {rep, LocalDate.of(2020, 1, 1), name, "REP", rep.toLowerCase() + "@example.com", "zh",
                        team, "第" + team.substring(1) + "办事处", "R" + ((n - 1) / 500 + 1), "大区" + ((n - 1) / 500 + 1)});
                BigDecimal score = BigDecimal.valueOf(55 + (n * 37 % 45)).add(new BigDecimal("0.25"));
                appraisals.add(new Object[] {month, rep, name, team, score, GRADES[Math.min(4, (100 - score.intValue()) / 10)],
                        (n - 1) % 10 + 1, now});
                for (int i = 0; i < ITEMS.length; i++) {
                    BigDecimal goal = BigDecimal.valueOf(100000L * (i + 1));
                    BigDecimal actual = goal.multiply(BigDecimal.valueOf(60 + (n + i * 13) % 70)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                    BigDecimal attainment = actual.divide(goal, 4, RoundingMode.HALF_UP);
                    items.add(new Object[] {month, rep, ITEMS[i], actual, goal, attainment, BigDecimal.valueOf(20),
                            attainment.min(BigDecimal.valueOf(1.2)).multiply(BigDecimal.valueOf(20)).setScale(2, RoundingMode.HALF_UP)});
                }
                for (int m = 5; m >= 0; m--) {
                    LocalDate start0 = month.minusMonths(m);
                    BigDecimal orders = BigDecimal.valueOf(800000L + (n * 7919L + m * 104729L) % 600000L, 0).add(new BigDecimal("0.50"));
                    BigDecimal target = BigDecimal.valueOf(1000000L);
                    rollups.add(new Object[] {start0, start0.plusMonths(1).minusDays(1), rep, name, team, orders, target,
                            orders.divide(target, 4, RoundingMode.HALF_UP), now});
                }
            }
            jdbc.batchUpdate("INSERT INTO org_assignment (employee_id, valid_from, name, role, email, language, team_code, team_name,"
                    + " region_code, region_name, source_name, load_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 0)", org);
            jdbc.batchUpdate("INSERT INTO appraisal (month_start, rep_id, rep_name, team_code, region_code, score, grade, rank_in_team,"
                    + " team_size, computed_at) VALUES (?, ?, ?, ?, 'R1', ?, ?, ?, 10, ?)", appraisals);
            jdbc.batchUpdate("INSERT INTO appraisal_item (month_start, rep_id, item, actual, goal, attainment, weight, points)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", items);
            jdbc.batchUpdate("INSERT INTO " + RollupService.ROW_TABLE + " (period_type, period_start, period_end, entity_type, entity_id, entity_name, team_code,"
                    + " orders_amount, gross_margin, collections, expenses, visits, effective_visits, order_visits, customers_visited,"
                    + " new_customers, sales_target, sales_attainment, computed_at) VALUES ('MONTH', ?, ?, 'REP', ?, ?, ?, ?, 0, 0, 0,"
                    + " 40, 30, 10, 20, 1, ?, ?, ?)", rollups);
        }
    }
}
