package com.kam.pipeline.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test helpers on the database: empty it between tests, and dump business tables to compare runs. */
public final class Tables {

    /** Business tables, children first. */
    public static final List<String> DATA_TABLES = List.of("appraisal_item", "appraisal", "appraisal_month_settings", "rollup_left_for_report", "rollup_warning",
            "abnormal_customer", "next_week_target", "rollup", "rollup_rep_day", "rollup_complaint_day", "customer_order_day", "customer_new_day", "rollup_visit_sum", "rollup_rep_sum", "rollup_run", "ingest_reject", "ingest_waiting", "recompute_request", "ingest_load_date", "report_line",
            "visit_plan", "opportunity_stage_change", "opportunity_version", "opportunity_snapshot", "sales_target", "customer", "org_assignment",
            "ingest_load");
    private static final List<String> BATCH_TABLES = List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT",
            "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");
    /** Columns that legitimately differ between two runs of the same input. */
    private static final List<String> VOLATILE = List.of("id", "created_at", "finished_at", "requested_at", "archived_to",
            "job_instance_id", "computed_at", "started_at", "done_at", "seq");

    private Tables() {
    }

    public static void empty(JdbcTemplate jdbc) {
        for (String table : DATA_TABLES) {
            // the view rollup is emptied through the tables it reads (V28)
            for (String stored : table.equals("rollup") ? List.of("rollup_to_date", "rollup_row") : List.of(table)) {
                jdbc.update("DELETE FROM " + stored);
            }
        }
        for (String table : BATCH_TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
        // the rollup's copy of the master data its figures stand on (V40): left over, a test's first master
        // file would be compared with the previous test's organisation and customers instead of "nothing recorded"
        jdbc.update("DELETE FROM rollup_seen_customer");
        jdbc.update("DELETE FROM rollup_seen_assignment");
        // a test that failed while it held the pipeline must not hold up the next
        jdbc.update("DELETE FROM run_lock");
    }

    /** Every business row as text, volatile columns left out, sorted: equal dumps mean equal data. */
    public static List<String> dump(JdbcTemplate jdbc) {
        return dump(jdbc, DATA_TABLES);
    }

    /** The rows of the given tables as text, volatile columns left out, sorted. */
    public static List<String> dump(JdbcTemplate jdbc, List<String> tables) {
        // load ids are surrogate keys; a load is identified by its source and file
        Map<String, String> loads = new java.util.HashMap<>();
        jdbc.query("SELECT id, source_name, file_name FROM ingest_load", rs -> {
            loads.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
        });
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                StringBuilder line = new StringBuilder(table).append(':');
                row.forEach((column, value) -> {
                    String name = column.toLowerCase();
                    if (name.equals("load_id") || name.equals("duplicate_of")) {
                        line.append(name).append('=').append(loads.get(String.valueOf(value))).append('|');
                    } else if (!VOLATILE.contains(name)) {
                        line.append(name).append('=').append(text(value)).append('|');
                    }
                });
                rows.add(line.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String text(Object value) {
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return String.valueOf(value);
    }
}
