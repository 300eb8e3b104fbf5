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

-- Attainment and growth have no upper bound (orders against a token target, a week after a
-- week of almost nothing): room for them, so such a row is stored rather than refused.
ALTER TABLE rollup MODIFY sales_attainment DECIMAL(18,4);
ALTER TABLE rollup MODIFY margin_attainment DECIMAL(18,4);
ALTER TABLE rollup MODIFY collection_attainment DECIMAL(18,4);
ALTER TABLE rollup MODIFY new_customer_attainment DECIMAL(18,4);
ALTER TABLE rollup MODIFY visit_attainment DECIMAL(18,4);
ALTER TABLE rollup MODIFY orders_growth DECIMAL(18,4);
ALTER TABLE rollup MODIFY orders_yoy_growth DECIMAL(18,4);
ALTER TABLE appraisal_item MODIFY attainment DECIMAL(18,4);
