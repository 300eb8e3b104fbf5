package com.kam.pipeline.rollup;

import com.kam.pipeline.support.SmallCompany;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A company small enough to compute every figure by hand, over the edges the rollups must get
 * right: a week across a month end (2026-11-30 .. 12-06) and one across the year end
 * (2026-12-28 .. 2027-01-03), a holiday (2027-01-01, 元旦), a rep who moves team mid-month
 * (周晓燕, 上海 to 杭州 on 2026-12-16), a rep with no visits (吴昊) and zero targets.
 * The expected values are worked out in {@link RollupScenarios}.
 */
final class RollupFixture {

    static final LocalDate LAST_DAY = LocalDate.of(2027, 1, 5);

    static final String ORG = """
            employee_id,name,role,email,language,manager_id,team_code,team_name,region_code,region_name,valid_from,valid_to
            M001,钱经理,REGION_MANAGER,qian@example.com,zh,,,,EAST,华东区,2025-01-01,
            L001,孙主管,TEAM_LEAD,sun@example.com,zh,M001,SH,上海办事处,EAST,华东区,2025-01-01,
            L002,李主管,TEAM_LEAD,li@example.com,en,M001,HZ,杭州办事处,EAST,华东区,2025-01-01,
            R001,王小明,REP,wang@example.com,zh,L001,SH,上海办事处,EAST,华东区,2025-01-01,
            R002,周晓燕,REP,zhou@example.com,zh,L001,SH,上海办事处,EAST,华东区,2025-01-01,2026-12-15
            R002,周晓燕,REP,zhou@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2026-12-16,
            R003,吴昊,REP,wu@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2025-01-01,
            """;

    /** C001: R1 and A (buys 800,000 a year); C002: D2 and B (120,000); C003: A3 and C (10,000). */
    static final String CUSTOMERS = """
            customer_id,name,segment,region_code,annual_potential,share_of_wallet,owner_id
            C001,上海电力公司,党政机关,EAST,2000000,40%,R001
            C002,杭州第一医院,教育医疗,EAST,600000,20%,R002
            C003,宁波港务集团,大型企业,EAST,200000,5%,R001
            """;

    static final String HEADER = "rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,gross_margin,"
            + "payment_collected,expense,submitted_at,attendance,complaints_received,complaints_resolved,competitor_info,"
            + "customer_feedback,notes\n";

    private RollupFixture() {
    }

    /** All the base files at once. */
    static void writeAll(Path inbox) throws IOException {
        writeMasterData(inbox);
        for (String[] report : REPORTS) {
            report(inbox, report[0], report[1]);
        }
        plan(inbox);
    }

    static void writeMasterData(Path inbox) throws IOException {
        SmallCompany.write(inbox.resolve("org.csv"), ORG, StandardCharsets.UTF_8, true);
        SmallCompany.write(inbox.resolve("customers.csv"), CUSTOMERS, StandardCharsets.UTF_8, false);
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2026.xlsx"), "月度目标", new Object[][] {
                {"R001", "2026-12", 100000, 20000, 80000, 1, 20},
                {"R002", "2026-12", 23000, 0, 0, 0, 0},
                {"R003", "2026-12", 0, 0, 0, 0, 0},
                {"R001", "2027-01", 50000, 10000, 40000, 1, 20},
        });
    }

    /** The daily report files: date, then the lines of that day. */
    static final String[][] REPORTS = {
            {"2026-11-30", "R001,2026-11-30,C001,09:30,订货,签单,是,10000,2000,0,100,2026-11-30 20:00:00,出勤,0,0,,,\n"},
            {"2026-12-01", "R001,2026-12-01,C002,10:00,服务,,否,,,,50,2026-12-01 22:30:00,出勤,0,0,,,\n"
                    + "R002,2026-12-01,C001,14:00,订货,追加订单,是,5000,1000,3000,80,2026-12-01 18:00:00,出勤,2,1,华为降价10%,,\n"},
            {"2026-12-02", "R003,2026-12-02,,,,,,,,,,2026-12-02 19:00:00,出勤,0,0,,,整理客户资料\n"},
            {"2026-12-16", "R002,2026-12-16,C003,11:00,开发新客户,首单,是,2000,500,0,40,2026-12-16 19:00:00,出勤,0,0,,,\n"},
            {"2026-12-31", "R001,2026-12-31,C001,15:00,订货,年底订单,是,7000,1400,20000,60,2026-12-31 20:59:00,出勤,0,0,,,\n"},
            {"2027-01-02", "R003,2027-01-02,,,,,,,,,,2027-01-02 10:00:00,出勤,0,0,,,周末加班\n"},
            {"2027-01-04", "R001,2027-01-04,C003,09:00,订货,续单,是,1000,200,0,30,2027-01-04 20:00:00,出勤,0,0,,,\n"},
    };

    static void report(Path inbox, String date, String lines) throws IOException {
        SmallCompany.write(inbox.resolve("daily_reports_" + date + ".csv"), HEADER + lines, StandardCharsets.UTF_8, false);
    }

    /** 王小明 plans 杭州第一医院 (visited) and 宁波港务集团 (not visited) on 2026-12-01. */
    static void plan(Path inbox) throws IOException {
        SmallCompany.write(inbox.resolve("visit_plans_2026-12-01.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-12-01,C002,服务,10:00,杭州
                R001,2026-12-01,C003,市场调研,15:00,宁波
                """, StandardCharsets.UTF_8, false);
    }
}
