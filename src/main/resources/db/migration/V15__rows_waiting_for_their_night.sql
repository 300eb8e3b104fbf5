-- Rows of a file that collects a month (stage_changes_2026-10.csv), dated after the business
-- date in that month: early, not wrong. They are noted here, the file stays in the inbox, and a
-- later night reads it again and loads them (replacing, per date, what this load stored).
CREATE TABLE ingest_waiting (
    load_id    BIGINT NOT NULL,
    line_no    BIGINT NOT NULL,
    data_date  DATE   NOT NULL,
    PRIMARY KEY (load_id, line_no)
);

ALTER TABLE ingest_load ADD COLUMN rows_waiting INT;
