-- Plans and reports are replaced per date and rep, not per date: a load's rows of a date replace
-- the earlier loads' rows of that date for the reps it has rows for, and the other reps' rows
-- stay (a late report in the next day's export, a region's file, a file of added visits).
-- ingest_load_date still counts a load's rows per date: which reps a load has on a date is read
-- from its rows when another load covers the same date. A date partly replaced keeps the count of
-- the rows left and a fingerprint of 0, which no new load's matches (its rows are recomputed).

-- How many of a dated load's rows later loads have replaced since (rows_loaded is what it stored
-- that night): the rows it still holds are rows_loaded - rows_replaced. Loads settled before
-- this column get the difference between what they stored and what they still cover.
ALTER TABLE ingest_load ADD COLUMN rows_replaced INT;
UPDATE ingest_load SET rows_replaced = rows_loaded - (SELECT COALESCE(SUM(d.row_count), 0) FROM ingest_load_date d
    WHERE d.load_id = ingest_load.id)
WHERE status = 'LOADED' AND kind IN ('visit_plan', 'daily_report', 'opportunity', 'stage_change');
