-- The complaint resolution rate counts the complaints a period handled: those resolved in it and
-- those still open at its end (rollup/ComplaintAges keeps the open ones, first in, first out per
-- rep). Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Per rep-day: the rep's complaints still open at the end of the day.
ALTER TABLE rollup_rep_day ADD COLUMN complaints_open INT NOT NULL DEFAULT 0;
-- Per rep-day with complaints: the same, which a run carries on from for a rep not assigned the
-- day before the dates it rebuilds.
ALTER TABLE rollup_complaint_day ADD COLUMN complaints_open_after INT NOT NULL DEFAULT 0;
-- Per kept rep sum: those open at the end of its last day.
ALTER TABLE rollup_rep_sum ADD COLUMN complaints_open INT NOT NULL DEFAULT 0;
-- Per period row: those still open at the end of each of its reps' last day in it, summed (empty
-- for customer classes, which carry no complaint figures).
ALTER TABLE rollup ADD COLUMN complaints_open INT;

-- Figures rolled up before this migration have no open complaints yet: a master load the runs
-- have not seen makes the next run recompute everything (the runs themselves are kept).
UPDATE rollup_run SET master_load_id = -1;
