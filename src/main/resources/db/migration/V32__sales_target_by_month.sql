-- The rollup (each night's rep-days and next week's targets) and the forecast read the targets
-- of a month or a range of months: without this index each read scanned every month's targets.
CREATE INDEX sales_target_month ON sales_target (month_start);
