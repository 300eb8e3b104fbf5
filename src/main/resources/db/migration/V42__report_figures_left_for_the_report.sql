-- The figures only a report reads of a period that is still open (the week's abnormal customers
-- and next week's targets, the month's appraisals) are made by the night that rolls up the
-- period's last day; a night before it records here that they are left, as of its date, and a
-- report asked for that period (kam report --type weekly|scorecard) has them made first
-- (rollup/LeftForTheReport). Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.
CREATE TABLE rollup_left_for_report (
    kind          VARCHAR(20)  NOT NULL,
    period_start  DATE         NOT NULL,
    as_of         DATE         NOT NULL,
    PRIMARY KEY (kind, period_start)
);
