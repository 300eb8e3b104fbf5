-- A fingerprint of the rows each load stored for a date: the sum of a 40-bit hash of each row's
-- stored values (less its load and line number), so chunks add up in any order. A newer load
-- whose rows for a date sum to the same fingerprint and count as the load it replaces (a month's
-- file read again, a CRM export of the month re-sent with one more day) leaves that date's
-- figures as they are: only the dates whose rows changed are recomputed.
-- Loads stored before this column have 0, which no non-empty date of a new load matches.
ALTER TABLE ingest_load_date ADD COLUMN content_hash BIGINT NOT NULL DEFAULT 0;
