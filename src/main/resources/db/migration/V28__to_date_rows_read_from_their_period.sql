-- The to-date rows (MTD, QTD, YTD) of the last run are, when no fact is dated after its as-of
-- date, the rows of the month, quarter and year they start with, ending on the as-of date, without
-- growth or visit frequency. They were stored twice, a third of the rows each night rewrote; now
-- rollup_to_date names the period each to-date kind is read from, and only to-date rows summed on
-- their own (a run for a date before the last rep-day) are stored. The stored rows move to
-- rollup_row; the view rollup shows them and the to-date rows, column for column as the table did,
-- so every reader reads on as before.
ALTER TABLE rollup RENAME TO rollup_row;

CREATE TABLE rollup_to_date (
  period_type  VARCHAR(8) NOT NULL PRIMARY KEY,  -- MTD, QTD or YTD
  whole_type   VARCHAR(8) NOT NULL,              -- MONTH, QUARTER or YEAR: the rows read
  period_start DATE NOT NULL,                    -- the start of the period read
  as_of        DATE NOT NULL                     -- the run's as-of date: the rows' period_end
);

-- (read with the rights of whoever reads it, so that a copy of the database restored under other
-- users still opens; the executable comment is MariaDB's, H2 skips it)
CREATE /*!50013 SQL SECURITY INVOKER */ VIEW rollup AS
SELECT
  period_type, period_start, period_end, entity_type, entity_id, entity_name, team_code,
  region_code, reps, rep_days, orders_amount, gross_margin, collections, expenses, cost_per_visit,
  visits_planned, planned_visits_made, visits, effective_visits, order_visits, plan_adherence,
  effective_visit_rate, transaction_rate, customers_visited, visits_per_customer,
  customers_on_frequency, frequency_attainment, new_customers, complaints_received,
  complaints_resolved, complaint_resolution_rate, reports_due, reports_submitted, reports_on_time,
  reports_complete, report_submission_rate, report_on_time_rate, report_completeness, sales_target,
  margin_target, collection_target, new_customer_target, visit_target, sales_attainment,
  margin_attainment, collection_attainment, new_customer_attainment, visit_attainment,
  avg_sales_per_rep_week, orders_prev_period, orders_growth, orders_last_year, orders_yoy_growth,
  computed_at, complaint_resolution_days, complaints_open
FROM rollup_row
UNION ALL
SELECT
  d.period_type, r.period_start, d.as_of, r.entity_type, r.entity_id, r.entity_name, r.team_code,
  r.region_code, r.reps, r.rep_days, r.orders_amount, r.gross_margin, r.collections, r.expenses,
  r.cost_per_visit, r.visits_planned, r.planned_visits_made, r.visits, r.effective_visits,
  r.order_visits, r.plan_adherence, r.effective_visit_rate, r.transaction_rate,
  r.customers_visited, r.visits_per_customer, NULL, NULL, r.new_customers, r.complaints_received,
  r.complaints_resolved, r.complaint_resolution_rate, r.reports_due, r.reports_submitted,
  r.reports_on_time, r.reports_complete, r.report_submission_rate, r.report_on_time_rate,
  r.report_completeness, r.sales_target, r.margin_target, r.collection_target,
  r.new_customer_target, r.visit_target, r.sales_attainment, r.margin_attainment,
  r.collection_attainment, r.new_customer_attainment, r.visit_attainment, r.avg_sales_per_rep_week,
  NULL, NULL, NULL, NULL, r.computed_at, r.complaint_resolution_days, r.complaints_open
FROM rollup_row r JOIN rollup_to_date d ON r.period_type = d.whole_type AND r.period_start = d.period_start;
