-- A forecast made from data to its period's last day (a night of that day, with that day's
-- snapshot) had nothing left to forecast: its P10 = P50 = P90 is what was won, so its error is 0
-- by construction (until a correction changes the actual). Marked, not removed, so that error
-- averages can leave them out: WHERE actual_by_construction = FALSE.
ALTER TABLE forecast_accuracy ADD COLUMN actual_by_construction BOOLEAN NOT NULL DEFAULT FALSE;

-- rows measured before, by the rule ForecastAccuracy applies to new ones: data to the period's last
-- day means the run's snapshot's date (its as-of date when it kept none) is on or after that day
UPDATE forecast_accuracy SET actual_by_construction = TRUE WHERE EXISTS (SELECT 1 FROM forecast f
    JOIN forecast_run r ON r.run_id = f.run_id WHERE f.run_id = forecast_accuracy.run_id
    AND f.horizon = forecast_accuracy.horizon AND f.entity_type = forecast_accuracy.entity_type
    AND f.entity_id = forecast_accuracy.entity_id AND f.method = forecast_accuracy.method
    AND f.period_end <= COALESCE(r.snapshot_date, r.as_of_date));
