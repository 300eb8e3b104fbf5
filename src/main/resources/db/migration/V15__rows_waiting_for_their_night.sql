-- Rows that are early, not wrong: dated after the business date in the month their file collects
-- (stage_changes_2026-10.csv), or stage changes of a deal no snapshot lists yet. They are noted
-- here with why, the file stays in the inbox, and a later night reads it again and loads them
-- (replacing, per date, what this load stored).
CREATE TABLE ingest_waiting (
    load_id    BIGINT NOT NULL,
    line_no    BIGINT NOT NULL,
    data_date  DATE   NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (load_id, line_no)
);

ALTER TABLE ingest_load ADD COLUMN rows_waiting INT;
