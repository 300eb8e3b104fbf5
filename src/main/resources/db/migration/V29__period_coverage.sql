-- Coverage of a period by the pipeline that can close in it: set against one month's remaining target,
-- all open deals (those expected next year too) made the month look covered several times over.
-- month_coverage / quarter_coverage (V4) keep their meaning: the whole open pipeline, any expected
-- close date, over the remaining target. These are of the open deals expected to close by the end of
-- the coverage month (quarter): expected close date on or before its last day, an overdue deal
-- counting as expected on the day after the as-of date (Horizon.dueBy, as the forecasts count it).
-- Empty in runs made before V29. Only for product_line '*'.
ALTER TABLE funnel_summary ADD COLUMN month_due_amount DECIMAL(18,2);
ALTER TABLE funnel_summary ADD COLUMN month_due_coverage DECIMAL(12,4);           -- month_due_amount / month_remaining
ALTER TABLE funnel_summary ADD COLUMN month_due_weighted_coverage DECIMAL(12,4);  -- its weighted amount / month_remaining
ALTER TABLE funnel_summary ADD COLUMN quarter_due_amount DECIMAL(18,2);
ALTER TABLE funnel_summary ADD COLUMN quarter_due_coverage DECIMAL(12,4);
ALTER TABLE funnel_summary ADD COLUMN quarter_due_weighted_coverage DECIMAL(12,4);
-- forecast.horizon, forecast_contributor.horizon, forecast_accuracy.horizon and ideal_funnel.horizon
-- also take NEXT_QUARTER: a run as of a quarter's last day forecasts the coming quarter too.
