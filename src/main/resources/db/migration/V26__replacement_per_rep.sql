-- Plans and reports are replaced per date and rep, not per date: a load's rows of a date replace
-- the earlier loads' rows of that date for the reps it has rows for, and the other reps' rows
-- stay (a late report in the next day's export, a region's file, a file of added visits).
-- ingest_load_date therefore counts and fingerprints a load's rows per date and rep for these
-- two kinds; the other dated kinds keep one row per date, with rep_id ''.
ALTER TABLE ingest_load_date ADD COLUMN rep_id VARCHAR(50) NOT NULL DEFAULT '';
ALTER TABLE ingest_load_date DROP PRIMARY KEY;
ALTER TABLE ingest_load_date ADD PRIMARY KEY (load_id, data_date, rep_id);
DROP INDEX ingest_load_date_scope ON ingest_load_date;
CREATE INDEX ingest_load_date_scope ON ingest_load_date (source_name, kind, data_date, rep_id);

-- The coverage already held, split per rep from the rows themselves. Their fingerprint is 0,
-- which no new load's matches: a date a later load replaces is recomputed, as it should be.
INSERT INTO ingest_load_date (load_id, source_name, kind, data_date, rep_id, row_count, content_hash)
SELECT load_id, source_name, 'daily_report', report_date, rep_id, COUNT(*), 0 FROM report_line
GROUP BY load_id, source_name, report_date, rep_id;
INSERT INTO ingest_load_date (load_id, source_name, kind, data_date, rep_id, row_count, content_hash)
SELECT load_id, source_name, 'visit_plan', plan_date, rep_id, COUNT(*), 0 FROM visit_plan
GROUP BY load_id, source_name, plan_date, rep_id;
DELETE FROM ingest_load_date WHERE rep_id = '' AND kind IN ('daily_report', 'visit_plan');

-- How many of a dated load's rows later loads have replaced since (rows_loaded is what it stored
-- that night): the rows it still holds are rows_loaded - rows_replaced. Loads settled before
-- this column get the difference between what they stored and what they still cover.
ALTER TABLE ingest_load ADD COLUMN rows_replaced INT;
UPDATE ingest_load SET rows_replaced = rows_loaded - (SELECT COALESCE(SUM(d.row_count), 0) FROM ingest_load_date d
    WHERE d.load_id = ingest_load.id)
WHERE status = 'LOADED' AND kind IN ('visit_plan', 'daily_report', 'opportunity', 'stage_change');
