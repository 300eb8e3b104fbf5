-- A waiting row keeps its text, as a rejected one does: should its file be taken out of the
-- inbox before the row's night, the row is still on record.
ALTER TABLE ingest_waiting ADD COLUMN raw_row TEXT;
