-- How much each method's P10-P90 range is widened (or narrowed) so that it holds about 80% of
-- what was won: learned by the last `kam backtest` from its own, uncalibrated replay, and applied
-- by the nightly forecasts. One row per method, horizon and entity level.
CREATE TABLE forecast_calibration (
    method         VARCHAR(12)   NOT NULL,
    horizon        VARCHAR(16)   NOT NULL,
    entity_type    VARCHAR(16)   NOT NULL,
    scale          DECIMAL(10,4) NOT NULL,   -- factor on the distance from P50 to P90 and to P10
    forecasts      INT           NOT NULL,   -- backtested forecasts it was learned from
    backtest_from  DATE          NOT NULL,
    backtest_to    DATE          NOT NULL,
    computed_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (method, horizon, entity_type)
);
