-- The current quarter and year keep their per-rep sums too, as months do, so that a night starts
-- them from those sums and reads only its new days instead of the year's month rows. One pair of
-- tables holds the kept sums of every period type.
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
