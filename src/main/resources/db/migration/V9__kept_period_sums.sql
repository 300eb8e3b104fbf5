-- The kept per-rep sums get a period type. MONTH rows (ps: the month) are every month's sums, as
-- before. QUARTER and YEAR rows hold, for the current quarter and year only, the sums of their
-- months before the current one (ps: that current month), so that a night sums the quarter and
-- year from them and the month's sums instead of from the year's month rows.
ALTER TABLE rollup_rep_month RENAME TO rollup_rep_sum;
ALTER TABLE rollup_visit_month RENAME TO rollup_visit_sum;
ALTER TABLE rollup_rep_sum ADD COLUMN period_type VARCHAR(8) NOT NULL DEFAULT 'MONTH';
ALTER TABLE rollup_visit_sum ADD COLUMN period_type VARCHAR(8) NOT NULL DEFAULT 'MONTH';
DROP INDEX rollup_rep_month_ps ON rollup_rep_sum;
DROP INDEX rollup_visit_month_ps ON rollup_visit_sum;
CREATE INDEX rollup_rep_sum_period ON rollup_rep_sum (period_type, ps);
CREATE INDEX rollup_visit_sum_period ON rollup_visit_sum (period_type, ps);

-- The last day the rep visited the customer in the period: the weekly list of key customers not
-- visited for too long reads it from the month sums instead of scanning weeks of report lines.
ALTER TABLE rollup_visit_sum ADD COLUMN last_visit DATE;

-- Sums kept before this migration have no last visit: a master load the runs have not seen makes
-- the next run recompute everything (the runs themselves are kept).
UPDATE rollup_run SET master_load_id = -1;
