-- Work tables of the rep-day rebuild: each input summed per day and rep on its own, so that the
-- rep-days are one join on primary keys and the database has no join order to guess.
CREATE TABLE rollup_report_day_work (
    report_date         DATE          NOT NULL,
    rep_id              VARCHAR(50)   NOT NULL,
    orders_amount       DECIMAL(18,2),
    gross_margin        DECIMAL(18,2),
    collections         DECIMAL(18,2),
    expenses            DECIMAL(18,2),
    visits              INT           NOT NULL,
    effective_visits    INT           NOT NULL,
    order_visits        INT           NOT NULL,
    complaints_received INT,
    complaints_resolved INT,
    submitted_at        DATETIME(6),
    attendance          VARCHAR(20),
    lines_complete      INT           NOT NULL,
    PRIMARY KEY (report_date, rep_id)
);

CREATE TABLE rollup_plan_day_work (
    plan_date DATE        NOT NULL,
    rep_id    VARCHAR(50) NOT NULL,
    planned   INT         NOT NULL,
    made      INT         NOT NULL,
    PRIMARY KEY (plan_date, rep_id)
);

-- Work table of the growth pass: the orders of the periods compared with, keyed so that finding
-- an entity's previous period is one primary-key lookup (on the wide rollup table the database
-- may scan all the entities of that period instead).
CREATE TABLE rollup_growth_orders (
    period_type   VARCHAR(8)    NOT NULL,
    entity_type   VARCHAR(16)   NOT NULL,
    entity_id     VARCHAR(50)   NOT NULL,
    period_start  DATE          NOT NULL,
    orders_amount DECIMAL(18,2) NOT NULL,
    PRIMARY KEY (period_type, entity_type, entity_id, period_start)
);

-- The period figures are now summed in memory from the report lines and rollup_rep_day.
DROP TABLE rollup_visit_work;

-- Indexes no reader needs any more, which every full recompute paid to maintain: the rep-days
-- are read by date (their primary key), a team's rows of a period by the period (the rollup's).
DROP INDEX rollup_rep_day_rep ON rollup_rep_day;
DROP INDEX rollup_team ON rollup;
