-- The appraisal rounds once (rollup/Appraisals): each item's points from its exact attainment
-- and exact rescaled weight, the score from the exact sum of the points, each rounded only where
-- it is stored. The scorecard shows the weight each item was scored with and says when the
-- total was capped. Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Per item: its weight rescaled so that the weights of the items counted make 100 (empty when
-- the item is left out, having no goal).
ALTER TABLE appraisal_item ADD COLUMN applied_weight DECIMAL(7,2);
-- Per rep: the items' points summed, before the cap of 100 (the score is this, at most 100).
ALTER TABLE appraisal ADD COLUMN points_total DECIMAL(12,2);

-- Appraisals stored before were summed from rounded points: a master load the runs have not seen
-- makes the next run recompute everything, every month's appraisal with it (the runs themselves
-- are kept).
UPDATE rollup_run SET master_load_id = -1;
