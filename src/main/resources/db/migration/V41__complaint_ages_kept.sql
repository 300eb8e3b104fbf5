-- A rep's complaint resolution times depend on all of the rep's earlier complaints, first in,
-- first out (rollup/ComplaintAges). Each rep-day with complaints now keeps what that replay holds
-- after it, so a night carries on from the rep's last such day instead of reading the rep's whole
-- history. Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Resolutions beyond the complaints received so far.
ALTER TABLE rollup_complaint_day ADD COLUMN resolved_ahead INT NOT NULL DEFAULT 0;
-- The complaints still open, by the day they were received, oldest first: 2026-10-01:2,2026-10-05:1
ALTER TABLE rollup_complaint_day ADD COLUMN open_received TEXT;

-- The days rolled up before this migration keep none of it: a master load the runs have not seen
-- makes the next run recompute everything (the runs themselves are kept).
UPDATE rollup_run SET master_load_id = -1;
