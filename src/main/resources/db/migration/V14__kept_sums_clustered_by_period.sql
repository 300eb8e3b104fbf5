-- The kept sums are read, deleted and rewritten a period at a time. Clustered by period (instead
-- of by InnoDB's hidden row id, reached through an index on the period), each of those is one
-- range of adjacent rows rather than a random read per row. seq numbers the rows a run keeps for
-- one period (team_code may be empty, so the natural key cannot be the primary key).
-- The sums are rewritten by the next run, a full recompute.
DELETE FROM rollup_rep_sum;
DELETE FROM rollup_visit_sum;
ALTER TABLE rollup_rep_sum ADD COLUMN seq INT NOT NULL;
ALTER TABLE rollup_visit_sum ADD COLUMN seq INT NOT NULL;
ALTER TABLE rollup_rep_sum ADD PRIMARY KEY (period_type, ps, seq);
ALTER TABLE rollup_visit_sum ADD PRIMARY KEY (period_type, ps, seq);
DROP INDEX rollup_rep_sum_period ON rollup_rep_sum;
DROP INDEX rollup_visit_sum_period ON rollup_visit_sum;
UPDATE rollup_run SET master_load_id = -1;

-- A night reads the complaint history of the reps with complaints that night: from the index
-- alone, rather than a lookup into the table for every day of that history.
DROP INDEX rollup_complaint_day_rep ON rollup_complaint_day;
CREATE INDEX rollup_complaint_day_rep ON rollup_complaint_day (rep_id, work_date, complaints_received, complaints_resolved);
