-- Rollups: the figures every report reads. Reports never recompute them.
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- The calendar the rollups group by: which week, month, quarter and year a day falls in (week
-- start configurable) and whether reps work that day. Written by the rollup job for the dates
-- it needs, so period arithmetic is a join, the same on every database.
CREATE TABLE calendar_day (
    cal_date           DATE        NOT NULL PRIMARY KEY,
    week_start         DATE        NOT NULL,
    week_end           DATE        NOT NULL,
    month_start        DATE        NOT NULL,
    month_end          DATE        NOT NULL,
    quarter_start      DATE        NOT NULL,
    quarter_end        DATE        NOT NULL,
    year_start         DATE        NOT NULL,
    year_end           DATE        NOT NULL,
    year_ago           DATE        NOT NULL,   -- the same date 12 months earlier ("new customer")
    working_day        BOOLEAN     NOT NULL,
    holiday            VARCHAR(100),
    deadline_at        DATETIME(6) NOT NULL,   -- a report for this day is on time until then
    -- where the previous period and the same period last year start, for the period that starts here
    prev_day           DATE        NOT NULL,
    ly_day             DATE        NOT NULL,
    prev_week_start    DATE        NOT NULL,
    ly_week_start      DATE        NOT NULL,
    prev_month_start   DATE        NOT NULL,
    ly_month_start     DATE        NOT NULL,
    prev_quarter_start DATE        NOT NULL,
    ly_quarter_start   DATE        NOT NULL,
    prev_year_start    DATE        NOT NULL
);

-- One row per rep per day the rep was assigned as a rep: the additive facts of that day, with
-- the team and region the rep belonged to on that day (so figures follow the rep's history).
CREATE TABLE rollup_rep_day (
    work_date            DATE          NOT NULL,
    rep_id               VARCHAR(50)   NOT NULL,
    team_code            VARCHAR(50),
    region_code          VARCHAR(50)   NOT NULL,
    orders_amount        DECIMAL(18,2) NOT NULL,
    gross_margin         DECIMAL(18,2) NOT NULL,
    collections          DECIMAL(18,2) NOT NULL,
    expenses             DECIMAL(18,2) NOT NULL,
    visits_planned       INT           NOT NULL,
    planned_visits_made  INT           NOT NULL,
    visits               INT           NOT NULL,
    effective_visits     INT           NOT NULL,
    order_visits         INT           NOT NULL,
    new_customers        INT           NOT NULL,
    complaints_received  INT           NOT NULL,
    complaints_resolved  INT           NOT NULL,
    report_due           INT           NOT NULL,
    report_submitted     INT           NOT NULL,
    report_on_time       INT           NOT NULL,
    report_complete      INT           NOT NULL,
    -- the rep's monthly targets spread over the working days the rep was assigned that month, so
    -- that any period's target is a sum and follows the rep between teams
    sales_target_share        DECIMAL(24,10) NOT NULL,
    margin_target_share       DECIMAL(24,10) NOT NULL,
    collection_target_share   DECIMAL(24,10) NOT NULL,
    new_customer_target_share DECIMAL(24,10) NOT NULL,
    visit_target_share        DECIMAL(24,10) NOT NULL,
    has_target                INT            NOT NULL,
    PRIMARY KEY (work_date, rep_id)
);
CREATE INDEX rollup_rep_day_rep ON rollup_rep_day (rep_id, work_date);

-- Days on which a customer ordered, and which rep took the order (the smallest id when several
-- did). A customer is new on such a day when it has no order day in the 12 months before.
CREATE TABLE customer_order_day (
    customer_id  VARCHAR(50)  NOT NULL,
    order_date   DATE         NOT NULL,
    rep_id       VARCHAR(50)  NOT NULL,
    PRIMARY KEY (customer_id, order_date)
);
CREATE INDEX customer_order_day_date ON customer_order_day (order_date);

-- The order days on which the customer counted as new (no order day in the 12 months before),
-- kept apart so that every rollup reads them instead of re-deriving them.
CREATE TABLE customer_new_day (
    customer_id  VARCHAR(50)  NOT NULL,
    order_date   DATE         NOT NULL,
    rep_id       VARCHAR(50)  NOT NULL,
    PRIMARY KEY (customer_id, order_date)
);
CREATE INDEX customer_new_day_date ON customer_new_day (order_date, rep_id);

-- How many visits each A/B/C class should get in a period (from jobs/rollup.yml).
CREATE TABLE visit_frequency (
    abc_class        CHAR(1)     NOT NULL,
    period_type      VARCHAR(8)  NOT NULL,
    required_visits  INT         NOT NULL,
    PRIMARY KEY (abc_class, period_type)
);

-- Names of reps, teams and regions (the latest given), for labelling rollup rows.
CREATE VIEW org_entity AS
SELECT 'REP' AS entity_type, employee_id AS entity_id, MAX(name) AS entity_name
FROM org_assignment GROUP BY employee_id
UNION ALL
SELECT 'TEAM', team_code, MAX(team_name) FROM org_assignment WHERE team_code IS NOT NULL GROUP BY team_code
UNION ALL
SELECT 'REGION', region_code, MAX(region_name) FROM org_assignment GROUP BY region_code;

-- One row per period and entity. period_type: DAY, WEEK, MONTH, QUARTER, YEAR, and MTD, QTD,
-- YTD (period_start .. period_end = the as-of date). entity_type: REP, TEAM, REGION, COMPANY,
-- CUSTOMER_CLASS (R1..A3), ABC_CLASS (A/B/C), SEGMENT. Rates are empty when their denominator
-- is zero. Targets of a week or day are the month's prorated by working days.
CREATE TABLE rollup (
    period_type               VARCHAR(8)    NOT NULL,
    period_start              DATE          NOT NULL,
    period_end                DATE          NOT NULL,
    entity_type               VARCHAR(16)   NOT NULL,
    entity_id                 VARCHAR(50)   NOT NULL,
    entity_name               VARCHAR(300),
    team_code                 VARCHAR(50),     -- REP: team on the period's last assigned day
    region_code               VARCHAR(50),     -- REP, TEAM: region on that day
    reps                      INT,             -- reps who contributed
    rep_days                  INT,             -- rep-days assigned (for per-rep-week averages)
    orders_amount             DECIMAL(18,2) NOT NULL,
    gross_margin              DECIMAL(18,2) NOT NULL,
    collections               DECIMAL(18,2) NOT NULL,
    expenses                  DECIMAL(18,2) NOT NULL,
    cost_per_visit            DECIMAL(18,2),
    visits_planned            INT,
    planned_visits_made       INT,
    visits                    INT           NOT NULL,
    effective_visits          INT           NOT NULL,
    order_visits              INT           NOT NULL,
    plan_adherence            DECIMAL(9,4),
    effective_visit_rate      DECIMAL(9,4),
    transaction_rate          DECIMAL(9,4),
    customers_visited         INT           NOT NULL,
    visits_per_customer       DECIMAL(9,2),
    customers_on_frequency    INT,             -- visited at least as often as their class asks
    frequency_attainment      DECIMAL(9,4),    -- customers_on_frequency / customers_visited
    new_customers             INT           NOT NULL,
    complaints_received       INT,
    complaints_resolved       INT,
    complaint_resolution_rate DECIMAL(9,4),
    reports_due               INT,
    reports_submitted         INT,
    reports_on_time           INT,
    reports_complete          INT,
    report_submission_rate    DECIMAL(9,4),
    report_on_time_rate       DECIMAL(9,4),
    report_completeness       DECIMAL(9,4),
    sales_target              DECIMAL(18,2),
    margin_target             DECIMAL(18,2),
    collection_target         DECIMAL(18,2),
    new_customer_target       DECIMAL(18,2),
    visit_target              DECIMAL(18,2),
    sales_attainment          DECIMAL(9,4),
    margin_attainment         DECIMAL(9,4),
    collection_attainment     DECIMAL(9,4),
    new_customer_attainment   DECIMAL(9,4),
    visit_attainment          DECIMAL(9,4),
    avg_sales_per_rep_week    DECIMAL(18,2),
    orders_prev_period        DECIMAL(18,2),
    orders_growth             DECIMAL(9,4),    -- against the previous period
    orders_last_year          DECIMAL(18,2),
    orders_yoy_growth         DECIMAL(9,4),    -- against the same period last year
    computed_at               DATETIME(6)   NOT NULL,
    PRIMARY KEY (period_type, period_start, period_end, entity_type, entity_id)
);
CREATE INDEX rollup_entity ON rollup (entity_type, entity_id, period_type, period_start);
CREATE INDEX rollup_team ON rollup (period_type, period_start, team_code);

-- Work table of one period type's rollup: the visits, orders and money of each rep (with the
-- team and region of the day), customer and period, from the report lines read once.
CREATE TABLE rollup_visit_work (
    ps               DATE          NOT NULL,
    pe               DATE          NOT NULL,
    rep_id           VARCHAR(50)   NOT NULL,
    team_code        VARCHAR(50),
    region_code      VARCHAR(50)   NOT NULL,
    customer_id      VARCHAR(50)   NOT NULL,
    visits           INT           NOT NULL,
    effective_visits INT           NOT NULL,
    order_visits     INT           NOT NULL,
    orders_amount    DECIMAL(18,2) NOT NULL,
    gross_margin     DECIMAL(18,2) NOT NULL,
    collections      DECIMAL(18,2) NOT NULL,
    expenses         DECIMAL(18,2) NOT NULL
);

-- The MONTH work rows, kept: quarters and years (and QTD, YTD) are summed from them instead of
-- from the report lines, so a night's run does not reread the year.
CREATE TABLE rollup_visit_month (
    ps               DATE          NOT NULL,
    rep_id           VARCHAR(50)   NOT NULL,
    team_code        VARCHAR(50),
    region_code      VARCHAR(50)   NOT NULL,
    customer_id      VARCHAR(50)   NOT NULL,
    visits           INT           NOT NULL,
    effective_visits INT           NOT NULL,
    order_visits     INT           NOT NULL,
    orders_amount    DECIMAL(18,2) NOT NULL,
    gross_margin     DECIMAL(18,2) NOT NULL,
    collections      DECIMAL(18,2) NOT NULL,
    expenses         DECIMAL(18,2) NOT NULL
);
CREATE INDEX rollup_visit_month_ps ON rollup_visit_month (ps);

-- The rep-days summed per month, rep, team and region (columns as in rollup_rep_day): quarters
-- and years (and QTD, YTD) are summed from them instead of from every rep-day.
CREATE TABLE rollup_rep_month (
    ps                        DATE           NOT NULL,
    rep_id                    VARCHAR(50)    NOT NULL,
    team_code                 VARCHAR(50),
    region_code               VARCHAR(50)    NOT NULL,
    rep_days                  INT            NOT NULL,
    last_day                  DATE           NOT NULL,
    orders_amount             DECIMAL(18,2)  NOT NULL,
    gross_margin              DECIMAL(18,2)  NOT NULL,
    collections               DECIMAL(18,2)  NOT NULL,
    expenses                  DECIMAL(18,2)  NOT NULL,
    visits_planned            INT            NOT NULL,
    planned_visits_made       INT            NOT NULL,
    visits                    INT            NOT NULL,
    effective_visits          INT            NOT NULL,
    order_visits              INT            NOT NULL,
    new_customers             INT            NOT NULL,
    complaints_received       INT            NOT NULL,
    complaints_resolved       INT            NOT NULL,
    report_due                INT            NOT NULL,
    report_submitted          INT            NOT NULL,
    report_on_time            INT            NOT NULL,
    report_complete           INT            NOT NULL,
    sales_target_share        DECIMAL(24,10) NOT NULL,
    margin_target_share       DECIMAL(24,10) NOT NULL,
    collection_target_share   DECIMAL(24,10) NOT NULL,
    new_customer_target_share DECIMAL(24,10) NOT NULL,
    visit_target_share        DECIMAL(24,10) NOT NULL,
    has_target                INT            NOT NULL
);
CREATE INDEX rollup_rep_month_ps ON rollup_rep_month (ps);

-- Work table of the growth pass: the previous period's and last year's orders of fresh rows.
CREATE TABLE rollup_growth (
    period_type   VARCHAR(8)    NOT NULL,
    period_start  DATE          NOT NULL,
    period_end    DATE          NOT NULL,
    entity_type   VARCHAR(16)   NOT NULL,
    entity_id     VARCHAR(50)   NOT NULL,
    prev_orders   DECIMAL(18,2),
    ly_orders     DECIMAL(18,2),
    PRIMARY KEY (period_type, period_start, period_end, entity_type, entity_id)
);

-- The monthly rep appraisal (销售代表月度考核表): score 0-100, grade, rank in team.
CREATE TABLE appraisal (
    month_start   DATE          NOT NULL,
    rep_id        VARCHAR(50)   NOT NULL,
    rep_name      VARCHAR(300),
    team_code     VARCHAR(50),
    region_code   VARCHAR(50),
    score         DECIMAL(5,2)  NOT NULL,
    grade         VARCHAR(10)   NOT NULL,   -- 优秀 良好 中等 及格 差
    rank_in_team  INT           NOT NULL,   -- ties share a rank (1, 1, 3)
    team_size     INT           NOT NULL,
    computed_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (month_start, rep_id)
);

-- Each appraisal item of each rep: actual, goal, attainment (capped) and points.
CREATE TABLE appraisal_item (
    month_start   DATE          NOT NULL,
    rep_id        VARCHAR(50)   NOT NULL,
    item          VARCHAR(40)   NOT NULL,
    actual        DECIMAL(18,4),
    goal          DECIMAL(18,4),
    attainment    DECIMAL(9,4),             -- empty when there is no goal: item left out
    weight        DECIMAL(7,2)  NOT NULL,   -- as configured
    points        DECIMAL(7,2),             -- weight rescaled over the items that count
    PRIMARY KEY (month_start, rep_id, item)
);

-- Weeks of a team or region that depart from their own history, and expenses over budget.
CREATE TABLE rollup_warning (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    period_type   VARCHAR(8)    NOT NULL,
    period_start  DATE          NOT NULL,
    entity_type   VARCHAR(16)   NOT NULL,
    entity_id     VARCHAR(50)   NOT NULL,
    measure       VARCHAR(40)   NOT NULL,
    actual        DECIMAL(18,2),
    baseline      DECIMAL(18,2),
    reason        VARCHAR(500)  NOT NULL
);
CREATE INDEX rollup_warning_period ON rollup_warning (period_type, period_start, entity_type, entity_id);

-- Key customers needing attention in a week: not visited for longer than their class allows,
-- or orders down sharply. Listed per team of the rep who last served them.
CREATE TABLE abnormal_customer (
    week_start     DATE          NOT NULL,
    customer_id    VARCHAR(50)   NOT NULL,
    reason_code    VARCHAR(20)   NOT NULL,   -- NOT_VISITED, ORDERS_DOWN
    customer_name  VARCHAR(300),
    customer_class CHAR(2),
    abc_class      CHAR(1),
    rep_id         VARCHAR(50),
    team_code      VARCHAR(50),
    last_visit     DATE,
    days_since     INT,
    actual         DECIMAL(18,2),
    baseline       DECIMAL(18,2),
    reason         VARCHAR(500)  NOT NULL,
    PRIMARY KEY (week_start, customer_id, reason_code)
);
CREATE INDEX abnormal_customer_team ON abnormal_customer (week_start, team_code);

-- Each rollup run: full or incremental, which dates it recomputed, and the newest master-data
-- load it had seen (a new organisation or customer file makes the next run a full one).
CREATE TABLE rollup_run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    business_date    DATE          NOT NULL,
    mode             VARCHAR(12)   NOT NULL,   -- FULL, INCREMENTAL
    first_date       DATE,
    last_date        DATE,
    dates            INT           NOT NULL,
    rows_written     INT           NOT NULL,
    master_load_id   BIGINT        NOT NULL,
    reason           VARCHAR(300)  NOT NULL,
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NOT NULL
);
