package com.kam.pipeline.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A hand-made company small enough to check by eye: one region, two teams, three reps (one
 * moves team on 2026-05-11, one left on 2026-04-30), three customers, and input files with one
 * bad row of every kind. Business date 2026-05-11.
 */
public final class SmallCompany {

    public static final String ORG = """
            employee_id,name,role,email,language,manager_id,team_code,team_name,region_code,region_name,valid_from,valid_to
            D001,赵总,DIRECTOR,zhao@example.com,zh,,,,HQ,总部,2025-01-01,
            M001,钱经理,区域经理,qian@example.com,zh,D001,,,EAST,华东区,2025-01-01,
            L001,孙主管,TEAM_LEAD,sun@example.com,zh,M001,SH,上海办事处,EAST,华东区,2025-01-01,
            L002,李主管,TEAM_LEAD,li@example.com,en,M001,HZ,杭州办事处,EAST,华东区,2025-01-01,
            R001,王小明,REP,wang@example.com,zh,L001,SH,上海办事处,EAST,华东区,2025-01-01,
            R002,周晓燕,REP,zhou@example.com,zh,L001,SH,上海办事处,EAST,华东区,2025-01-01,2026-05-10
            R002,周晓燕,REP,zhou@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2026-05-11,
            R003,吴昊,REP,wu@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2025-01-01,2026-04-30
            """;

    public static final String CUSTOMERS = """
            customer_id,name,segment,region_code,annual_potential,share_of_wallet,owner_id
            C001,山东省电力公司,党政机关,EAST,"1,200,000.00",35%,R001
            C002,杭州市第一人民医院,教育医疗,EAST,800000,0.2,R002
            C003,江苏银行南京分行,金融,EAST,300000,5%,R001
            C004,浙江省教育厅,党政机关,EAST,500000,30%,R002
            """;

    /** Line numbers as a CSV reader counts them: the header is line 1; the first row spans lines 2-3. */
    public static final String REPORTS = """
            rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,gross_margin,payment_collected,expense,submitted_at,attendance,complaints_received,complaints_resolved,competitor_info,customer_feedback,notes
            R001,2026-05-11,C001,09:30,订货,签了订单,是,"12,500.00",3000,0,150.50,2026-05-11 19:30:00,出勤,1,1,"华为在推新方案, 报价低10%","客户说:""服务不错\""","多行
            备注"
            R001,2026-05-11,C003,14:00,收款,收回货款,是,0,,50000,80,2026-05-11 19:30:00,出勤,1,1,,,
            R002,2026-05-11,C002,10:00,服务,,否,,,,120,2026-05-11 20:10:00,出勤,0,0,,,
            R002,2026-05-11,C002,10:00,服务,,否,,,,120,2026-05-11 20:10:00,出勤,0,0,,,
            ,2026-05-11,C002,11:00,服务,,否,,,,120,2026-05-11 20:10:00,出勤,0,0,,,
            R999,2026-05-11,C002,11:00,服务,,否,,,,120,2026-05-11 20:10:00,出勤,0,0,,,
            R001,2026-05-11,C999,11:00,服务,,否,,,,120,2026-05-11 19:30:00,出勤,1,1,,,
            R001,2026-13-45,C001,11:00,服务,,否,,,,120,2026-05-11 19:30:00,出勤,1,1,,,
            R001,2026-05-11,C001,15:00,订货,,是,"12,3a4",,,80,2026-05-11 19:30:00,出勤,1,1,,,
            R001,2026-05-11,C001,16:00,订货,,是,-500,,,80,2026-05-11 19:30:00,出勤,1,1,,,
            R001,2026-05-20,C001,09:00,订货,,是,100,,,80,2026-05-20 19:30:00,出勤,0,0,,,
            R001,2026-05-11,C001,17:00,喝茶,,否,,,,80,2026-05-11 19:30:00,出勤,1,1,,,
            R001,2026-05-11,C001
            R003,2026-05-11,C002,10:00,服务,,否,,,,120,2026-05-11 20:10:00,出勤,0,0,,,
            """;

    public static final String OPPORTUNITIES = """
            opportunity_id,customer_id,owner_id,name,product_line,amount,stage,expected_close_date,created_date,closed_date,loss_reason,competitor,forecast_category
            O001,C001,R001,电力云平台,云服务,1500000,发展,2026-06-30,2026-03-01,,,华为,BEST_CASE
            O002,C002,R002,医院专线,网络专线,300000,合作,2026-05-31,2026-02-10,,,,COMMIT
            O003,C003,R001,银行安全,信息安全,800000,赢单,2026-05-10,2026-01-05,2026-05-10,,,
            O004,C001,R001,灾备中心,数据中心,2000000,待定,2026-09-30,2026-04-01,,,,PIPELINE
            O005,C004,R002,教育软件,软件许可,200000,输单,2026-05-01,2026-02-01,,价格,浪潮,
            """;

    private SmallCompany() {
    }

    /** Writes the whole drop for 2026-05-11 into an inbox, in the encodings a real drop would have. */
    public static void writeInbox(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        write(inbox.resolve("org.csv"), ORG.replace("\n", "\r\n"), StandardCharsets.UTF_8, true);
        write(inbox.resolve("customers.csv"), CUSTOMERS.replace("\n", "\r\n"), Charset.forName("GB18030"), false);
        write(inbox.resolve("daily_reports_2026-05-11.csv"), REPORTS, StandardCharsets.UTF_8, false);
        write(inbox.resolve("opportunities_2026-05-11.csv"), OPPORTUNITIES, StandardCharsets.UTF_8, false);
        writeTargets(inbox.resolve("targets_2026.xlsx"), "月度目标");
        writeTargets(inbox.resolve("targets_adjustment.xlsx"), "Sheet1");
    }

    public static void write(Path file, String text, Charset charset, boolean bom) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
    }

    /** Targets for May 2026; R003 left in April, so that row is rejected. */
    static void writeTargets(Path file, String sheetName) throws IOException {
        writeTargetSheet(file, sheetName, new Object[][] {
                {"R001", "2026-05", 300000, 60000, 250000, 2, 60},
                {"R002", "2026-05", 0, 0, 0, 0, 0},
                {"R003", "2026-05", 200000, 40000, 150000, 1, 50},
        });
    }

    /** A targets workbook as the sales director keeps it: Chinese headers, one row per rep and month. */
    public static void writeTargetSheet(Path file, String sheetName, Object[][] targets) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            Object[] header = {"员工编号", "月份", "销售额目标", "毛利目标", "回款目标", "新客户目标", "拜访目标"};
            for (int r = 0; r <= targets.length; r++) {
                Object[] values = r == 0 ? header : targets[r - 1];
                var row = sheet.createRow(r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) values[c]);
                    }
                }
            }
            workbook.write(out);
        }
    }
}
