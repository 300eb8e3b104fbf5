-- Complaint resolution time (rollup/ComplaintAges defines it: first in, first out per rep).
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Per rep-day: the days of the resolutions timed that day, summed, and how many were timed.
-- Additive, so every period and level sums them; kept per month for quarters and years.
ALTER TABLE rollup_rep_day ADD COLUMN complaint_days INT NOT NULL DEFAULT 0;
ALTER TABLE rollup_rep_day ADD COLUMN complaints_timed INT NOT NULL DEFAULT 0;
ALTER TABLE rollup_rep_sum ADD COLUMN complaint_days INT NOT NULL DEFAULT 0;
ALTER TABLE rollup_rep_sum ADD COLUMN complaints_timed INT NOT NULL DEFAULT 0;

-- complaint_days / complaints_timed of the period: the average days from receipt to resolution;
-- empty when no resolution was timed.
ALTER TABLE rollup ADD COLUMN complaint_resolution_days DECIMAL(9,2);

-- The rep-days with complaints received or resolved (few), as counted in rollup_rep_day: a rep's
-- ages follow from all of the rep's earlier complaints, which are read here rather than from
-- every rep-day.
CREATE TABLE rollup_complaint_day (
    work_date            DATE         NOT NULL,
    rep_id               VARCHAR(50)  NOT NULL,
    complaints_received  INT          NOT NULL,
    complaints_resolved  INT          NOT NULL,
    PRIMARY KEY (work_date, rep_id)
);
-- A night reads the history of the few reps with complaints that night.
CREATE INDEX rollup_complaint_day_rep ON rollup_complaint_day (rep_id, work_date);

-- Figures rolled up before this migration have no ages yet: a master load the runs have not seen
-- makes the next run recompute everything (the runs themselves are kept).
UPDATE rollup_run SET master_load_id = -1;
