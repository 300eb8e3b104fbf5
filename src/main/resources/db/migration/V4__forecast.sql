-- Forecast: the funnel and the forecasts as of a business date, kept per run so that every
-- forecast ever made can later be set against what actually closed.
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.
-- Common codes:
--   entity_type: REP, TEAM, REGION, COMPANY (team and region of a rep: org_assignment valid on as_of_date;
--                COMPANY has entity_id 'ALL')
--   product_line: a product line, or '*' for all product lines together
--   stage: IDENTIFIED, CONTACTED, QUALIFIED, DEVELOPED, COMMITTED (open stages, in funnel order)
--   horizon: CURRENT_MONTH, NEXT_MONTH, CURRENT_QUARTER (relative to as_of_date)
--   method: WEIGHTED (amount x configured stage probability), LEARNED (stage-to-won rate and
--           time-to-close learned from closed history), TIME_SERIES (exponential smoothing of monthly
--           won amounts), CATEGORY (reps' own forecast categories), COMBINED (weighted blend, P10/P50/P90)
-- Money: DECIMAL(18,2); rates: DECIMAL(9,4) as fractions (0.2500 = 25%); empty when undefined.

-- One row per forecast run. A run is never overwritten by a later date; a forced rerun of the
-- same date adds a new run, and readers take the latest run of a date (highest run_id).
CREATE TABLE forecast_run (
    run_id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    as_of_date       DATE         NOT NULL,   -- the business date the run is "as of"
    snapshot_date    DATE,                    -- opportunity snapshot used: latest on or before as_of_date
    run_kind         VARCHAR(10)  NOT NULL,   -- NIGHTLY (forecast job) or BACKTEST (kam backtest replay)
    job_instance_id  BIGINT,                  -- Spring Batch job instance (NIGHTLY only)
    config_sha256    CHAR(64)     NOT NULL,   -- digest of jobs/forecast.yml used
    generated_at     DATETIME(6)  NOT NULL,
    status           VARCHAR(10)  NOT NULL    -- RUNNING, DONE (readers use DONE runs only)
);
CREATE INDEX forecast_run_date ON forecast_run (as_of_date, run_kind, status);

-- One forecast per run, horizon, entity and method. For a period, the forecast is the amount
-- won in the period up to as_of_date (closed_won) plus what is expected to close in the rest.
CREATE TABLE forecast (
    run_id        BIGINT        NOT NULL,
    horizon       VARCHAR(16)   NOT NULL,
    period_type   VARCHAR(8)    NOT NULL,   -- MONTH or QUARTER
    period_start  DATE          NOT NULL,
    period_end    DATE          NOT NULL,   -- last day of the period
    entity_type   VARCHAR(16)   NOT NULL,
    entity_id     VARCHAR(50)   NOT NULL,
    entity_name   VARCHAR(300),
    method        VARCHAR(12)   NOT NULL,
    closed_won    DECIMAL(18,2) NOT NULL,   -- won inside the period on or before as_of_date
    p10           DECIMAL(18,2),            -- 10th percentile of the period's total won amount
    p50           DECIMAL(18,2) NOT NULL,   -- the point forecast (median / expected value)
    p90           DECIMAL(18,2),            -- 90th percentile
    target        DECIMAL(18,2),            -- summed sales_target of the entity's reps for the period
    PRIMARY KEY (run_id, horizon, entity_type, entity_id, method)
);
CREATE INDEX forecast_period ON forecast (period_type, period_start, entity_type, entity_id, method);

-- The open opportunities contributing most to a forecast (top N by contribution, configurable).
CREATE TABLE forecast_contributor (
    run_id          BIGINT        NOT NULL,
    horizon         VARCHAR(16)   NOT NULL,
    entity_type     VARCHAR(16)   NOT NULL,
    entity_id       VARCHAR(50)   NOT NULL,
    method          VARCHAR(12)   NOT NULL,
    rank_no         INT           NOT NULL,   -- 1 = largest contribution
    opportunity_id  VARCHAR(50)   NOT NULL,
    opportunity_name VARCHAR(300),
    owner_id        VARCHAR(50)   NOT NULL,
    stage           VARCHAR(20)   NOT NULL,
    amount          DECIMAL(18,2) NOT NULL,   -- the opportunity's amount
    contribution    DECIMAL(18,2) NOT NULL,   -- what it adds to the forecast's p50
    expected_close_date DATE,
    PRIMARY KEY (run_id, horizon, entity_type, entity_id, method, rank_no)
);

-- Accuracy of each stored forecast once its period has closed: actual = amount won in the
-- period per the first snapshot taken after the period end (or the latest one, when computed
-- later). abs_pct_error = |p50 - actual| / actual; bias = (p50 - actual) / actual; both empty
-- when actual is zero. Kept for every run (history), recomputed only when its period closes.
CREATE TABLE forecast_accuracy (
    run_id         BIGINT        NOT NULL,
    horizon        VARCHAR(16)   NOT NULL,
    entity_type    VARCHAR(16)   NOT NULL,
    entity_id      VARCHAR(50)   NOT NULL,
    method         VARCHAR(12)   NOT NULL,
    as_of_date     DATE          NOT NULL,
    period_type    VARCHAR(8)    NOT NULL,
    period_start   DATE          NOT NULL,
    forecast_p50   DECIMAL(18,2) NOT NULL,
    actual         DECIMAL(18,2) NOT NULL,
    abs_pct_error  DECIMAL(12,4),
    bias           DECIMAL(12,4),
    within_p10_p90 BOOLEAN,                  -- actual inside [p10, p90]
    actual_snapshot_date DATE    NOT NULL,   -- snapshot the actual was read from
    computed_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (run_id, horizon, entity_type, entity_id, method)
);
CREATE INDEX forecast_accuracy_period ON forecast_accuracy (period_type, period_start, entity_type, method);

-- Funnel per entity, product line and open stage as of the run's date.
CREATE TABLE funnel_stage (
    run_id              BIGINT        NOT NULL,
    entity_type         VARCHAR(16)   NOT NULL,
    entity_id           VARCHAR(50)   NOT NULL,
    product_line        VARCHAR(100)  NOT NULL,
    stage               VARCHAR(20)   NOT NULL,
    stage_order         INT           NOT NULL,   -- 1 = IDENTIFIED .. 5 = COMMITTED
    open_count          INT           NOT NULL,   -- open opportunities now in this stage
    open_amount         DECIMAL(18,2) NOT NULL,
    weighted_amount     DECIMAL(18,2) NOT NULL,   -- open_amount x configured stage probability
    conversion_rate     DECIMAL(9,4),             -- of closed history that reached this stage: share that reached the next stage (COMMITTED: won)
    win_rate            DECIMAL(9,4),             -- of closed history that reached this stage: share won
    days_in_stage_mean  DECIMAL(9,1),             -- closed history: days spent in this stage
    days_in_stage_median DECIMAL(9,1),
    aging_days_mean     DECIMAL(9,1),             -- open now: mean days since entering this stage
    stalled_count       INT           NOT NULL,
    slipped_count       INT           NOT NULL,
    PRIMARY KEY (run_id, entity_type, entity_id, product_line, stage)
);

-- Funnel totals per entity and product line, with coverage and velocity.
CREATE TABLE funnel_summary (
    run_id               BIGINT        NOT NULL,
    entity_type          VARCHAR(16)   NOT NULL,
    entity_id            VARCHAR(50)   NOT NULL,
    entity_name          VARCHAR(300),
    product_line         VARCHAR(100)  NOT NULL,
    open_count           INT           NOT NULL,
    open_amount          DECIMAL(18,2) NOT NULL,
    weighted_amount      DECIMAL(18,2) NOT NULL,
    closed_count         INT           NOT NULL,   -- closed history used for the rates
    won_count            INT           NOT NULL,
    win_rate             DECIMAL(9,4),             -- won / closed
    avg_won_amount       DECIMAL(18,2),
    cycle_days_mean      DECIMAL(9,1),             -- won: created_date to closed_date
    cycle_days_median    DECIMAL(9,1),
    velocity_per_day     DECIMAL(18,2),            -- open_count x win_rate x avg_won_amount / cycle_days_mean
    aging_days_mean      DECIMAL(9,1),             -- open: days since created_date
    stalled_count        INT           NOT NULL,
    slipped_count        INT           NOT NULL,
    -- Remaining target = summed sales_target of the entity's reps for the period minus the amount
    -- won so far in the period per the snapshot (never below zero). Only for product_line '*'.
    month_target         DECIMAL(18,2),
    month_won            DECIMAL(18,2),
    month_remaining      DECIMAL(18,2),
    month_coverage       DECIMAL(12,4),            -- open_amount / month_remaining
    month_weighted_coverage DECIMAL(12,4),         -- weighted_amount / month_remaining
    quarter_target       DECIMAL(18,2),
    quarter_won          DECIMAL(18,2),
    quarter_remaining    DECIMAL(18,2),
    quarter_coverage     DECIMAL(12,4),
    quarter_weighted_coverage DECIMAL(12,4),
    PRIMARY KEY (run_id, entity_type, entity_id, product_line)
);

-- Open opportunities flagged as stalled or slipped (one row per flag).
CREATE TABLE funnel_flagged (
    run_id               BIGINT        NOT NULL,
    opportunity_id       VARCHAR(50)   NOT NULL,
    flag                 VARCHAR(8)    NOT NULL,   -- STALLED or SLIPPED
    owner_id             VARCHAR(50)   NOT NULL,
    team_code            VARCHAR(50),
    region_code          VARCHAR(50),
    customer_id          VARCHAR(50)   NOT NULL,
    opportunity_name     VARCHAR(300),
    product_line         VARCHAR(100)  NOT NULL,
    stage                VARCHAR(20)   NOT NULL,
    amount               DECIMAL(18,2) NOT NULL,
    stage_entered_on     DATE,
    days_in_stage        INT,                      -- STALLED: days since the last stage change
    threshold_days       INT,                      -- STALLED: configured percentile of the stage's historical duration
    expected_close_date  DATE,
    first_expected_close_date DATE,                -- SLIPPED: earliest expected close date seen in snapshots
    push_count           INT,                      -- SLIPPED: times the expected close date moved later
    reason               VARCHAR(300)  NOT NULL,
    PRIMARY KEY (run_id, opportunity_id, flag)
);
CREATE INDEX funnel_flagged_owner ON funnel_flagged (run_id, owner_id);

-- Seed 003's ideal funnel: what each stage needs now to reach the period's remaining target at
-- the observed conversion rates and cycle times, against today's funnel.
CREATE TABLE ideal_funnel (
    run_id          BIGINT        NOT NULL,
    horizon         VARCHAR(16)   NOT NULL,   -- CURRENT_MONTH or CURRENT_QUARTER
    entity_type     VARCHAR(16)   NOT NULL,
    entity_id       VARCHAR(50)   NOT NULL,
    stage           VARCHAR(20)   NOT NULL,
    stage_order     INT           NOT NULL,
    remaining_target DECIMAL(18,2) NOT NULL,
    win_rate        DECIMAL(9,4),             -- stage-to-won rate used
    reachable       BOOLEAN       NOT NULL,   -- typical time to close from this stage fits in the period
    needed_count    DECIMAL(12,1),            -- remaining_target / (win_rate x avg_won_amount); empty if unreachable
    needed_amount   DECIMAL(18,2),            -- remaining_target / win_rate
    actual_count    INT           NOT NULL,
    actual_amount   DECIMAL(18,2) NOT NULL,
    gap_count       DECIMAL(12,1),            -- needed_count - actual_count (positive = short)
    gap_amount      DECIMAL(18,2),
    PRIMARY KEY (run_id, horizon, entity_type, entity_id, stage)
);
