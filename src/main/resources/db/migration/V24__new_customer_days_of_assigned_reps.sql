-- customer_new_day now holds only the new customers that count: those taken by a rep assigned,
-- as a rep, on the day of the order (the period rollups no longer check each against the
-- rep-days). Rows written before may include others: a master load the runs have not seen makes
-- the next run recompute everything (the runs themselves are kept).
UPDATE rollup_run SET master_load_id = -1;
