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

-- The month sums kept so far get theirs now (later ones are written with it), through a keyed
-- work table so that each row's is one key lookup.
CREATE TABLE rollup_last_visit_work (
    rep_id      VARCHAR(50) NOT NULL,
    customer_id VARCHAR(50) NOT NULL,
    y           INT         NOT NULL,
    m           INT         NOT NULL,
    last_visit  DATE        NOT NULL,
    PRIMARY KEY (rep_id, customer_id, y, m)
);
INSERT INTO rollup_last_visit_work (rep_id, customer_id, y, m, last_visit)
    SELECT rep_id, customer_id, YEAR(report_date), MONTH(report_date), MAX(report_date) FROM report_line
    WHERE customer_id IS NOT NULL GROUP BY rep_id, customer_id, YEAR(report_date), MONTH(report_date);
UPDATE rollup_visit_sum SET last_visit = (SELECT w.last_visit FROM rollup_last_visit_work w
    WHERE w.rep_id = rollup_visit_sum.rep_id AND w.customer_id = rollup_visit_sum.customer_id
    AND w.y = YEAR(rollup_visit_sum.ps) AND w.m = MONTH(rollup_visit_sum.ps));
DROP TABLE rollup_last_visit_work;
