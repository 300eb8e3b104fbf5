-- A nightly forecast run's deal detail (forecast_contributor, funnel_stage, funnel_summary,
-- funnel_flagged, ideal_funnel) is removed once the run is older than
-- kam.forecast.keep-detail-days (forecast/ForecastDetailRetention): at 1,000 reps it is tens of MB a
-- night. The forecasts themselves (forecast, forecast_accuracy) and each month's last run stay.
-- The date it was removed on, so that a funnel report asked for that date says why it cannot be
-- made rather than printing an empty funnel.
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.
ALTER TABLE forecast_run ADD COLUMN detail_removed_on DATE;
