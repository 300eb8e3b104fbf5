-- Next week's targets and plan (下周目标与计划), the last item of the weekly report (seed 004):
-- written each night for the week that holds the business date, per team and per rep, and kept
-- as it stood when that week was reported (rollup/NextWeekTargets defines every column).
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.
CREATE TABLE next_week_target (
    week_start           DATE          NOT NULL,   -- the reported week
    entity_type          VARCHAR(16)   NOT NULL,   -- TEAM or REP
    entity_id            VARCHAR(50)   NOT NULL,
    team_code            VARCHAR(50),              -- REP: team on the rep's last assigned day of next week
    next_week_start      DATE          NOT NULL,
    working_days         INT           NOT NULL,   -- REP: working days assigned; TEAM: of the calendar
    sales_target         DECIMAL(18,2),            -- the shares of the month targets of those days
    sales_needed         DECIMAL(18,2),            -- what those days need to reach the month targets
    collection_target    DECIMAL(18,2),
    collection_needed    DECIMAL(18,2),
    visits_planned       INT           NOT NULL,   -- visit plan lines filed so far for next week
    customers_planned    INT           NOT NULL,
    key_customers_due    INT           NOT NULL,   -- key customers the owner must visit by its last day
    computed_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (week_start, entity_type, entity_id)
);
CREATE INDEX next_week_target_team ON next_week_target (week_start, team_code);
