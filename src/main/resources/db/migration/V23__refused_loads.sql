-- Why a file could not be taken in whole (a break in the CSV that ends the reading, a column the
-- header misspells): such a load is REFUSED at settling, its dated rows are taken back so that
-- nothing it read replaces what is held, and the file stays in the inbox until it is fixed.
ALTER TABLE ingest_load ADD COLUMN refused_reason VARCHAR(1000);
