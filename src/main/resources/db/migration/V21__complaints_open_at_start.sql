-- The complaint resolution rate counts the complaints a period had to handle: those still open
-- when it began plus those received in it (rollup/ComplaintAges keeps the open ones, first in,
-- first out per rep). Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Per rep-day: the rep's complaints open at the start of the day (before its own).
ALTER TABLE rollup_rep_day ADD COLUMN complaints_open INT NOT NULL DEFAULT 0;
-- Per rep-day with complaints: those open at its end, which the next days start from.
ALTER TABLE rollup_complaint_day ADD COLUMN complaints_open_after INT NOT NULL DEFAULT 0;
-- Per kept rep sum: the rep's first day in it and the complaints open at the start of that day.
ALTER TABLE rollup_rep_sum ADD COLUMN first_day DATE;
ALTER TABLE rollup_rep_sum ADD COLUMN complaints_open INT NOT NULL DEFAULT 0;
-- Per period row: the complaints open when each of its reps' first day in it began, summed
-- (empty for customer classes, which carry no complaint figures).
ALTER TABLE rollup ADD COLUMN complaints_open INT;

-- Figures rolled up before this migration have no open complaints yet: a master load the runs
-- have not seen makes the next run recompute everything (the runs themselves are kept).
UPDATE rollup_run SET master_load_id = -1;
