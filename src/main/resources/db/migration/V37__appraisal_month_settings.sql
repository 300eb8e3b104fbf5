-- The appraisal settings each month was scored with (rollup/AppraisalMonthSettings): the text of
-- jobs/appraisal.yml as it was read, kept so that once the month is closed (the run's business
-- date after its last day) a later run rescores it, for a late or corrected report, with the
-- weights, caps, goals and grades it was scored with, not with the file as edited since.
-- Replaced while the month is open, and for a closed month only by
-- `kam rollup --date D --restate-appraisals`. A closed month without a row (appraised before
-- this table) takes the file as it is the next time it is appraised, and keeps it.
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.
CREATE TABLE appraisal_month_settings (
    month_start   DATE          NOT NULL,
    settings_text TEXT          NOT NULL,   -- appraisal.yml as read, comments included
    computed_at   DATETIME(6)   NOT NULL,   -- when the month was last scored with it
    PRIMARY KEY (month_start)
);
