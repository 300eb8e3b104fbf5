-- The snapshot rows in which a deal differs from its row in the source's snapshot before (in
-- what the forecast reads of it), and its first row (ingest/OpportunityVersions, which keeps it up
-- to date as snapshots are loaded). The forecast reads a deal's history from these instead of
-- from every nightly snapshot, which grew its read every night. Derived here once from the
-- snapshots already loaded, by the same rule. Text is compared byte for byte (BINARY(1200) holds
-- 300 characters of up to 4 bytes): MariaDB's default collation has 'Cloud' = 'cloud '.
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.
CREATE TABLE opportunity_version (
    opportunity_id      VARCHAR(50)   NOT NULL,
    snapshot_date       DATE          NOT NULL,
    load_id             BIGINT        NOT NULL,
    line_no             BIGINT        NOT NULL,
    source_name         VARCHAR(100)  NOT NULL,
    customer_id         VARCHAR(50)   NOT NULL,
    owner_id            VARCHAR(50)   NOT NULL,
    name                VARCHAR(300),
    product_line        VARCHAR(100)  NOT NULL,
    amount              DECIMAL(18,2) NOT NULL,
    stage               VARCHAR(20)   NOT NULL,
    expected_close_date DATE,
    created_date        DATE          NOT NULL,
    closed_date         DATE,
    forecast_category   VARCHAR(20),
    PRIMARY KEY (snapshot_date, opportunity_id, load_id, line_no)
);
CREATE INDEX opportunity_version_source ON opportunity_version (source_name, snapshot_date);

INSERT INTO opportunity_version (opportunity_id, snapshot_date, load_id, line_no, source_name, customer_id, owner_id, name,
                                 product_line, amount, stage, expected_close_date, created_date, closed_date, forecast_category)
SELECT c.opportunity_id, c.snapshot_date, c.load_id, c.line_no, c.source_name, c.customer_id, c.owner_id, c.name,
       c.product_line, c.amount, c.stage, c.expected_close_date, c.created_date, c.closed_date, c.forecast_category
FROM opportunity_snapshot c
JOIN (SELECT a.source_name, a.snapshot_date, MAX(b.snapshot_date) AS previous
      FROM (SELECT DISTINCT source_name, snapshot_date FROM opportunity_snapshot) a
      LEFT JOIN (SELECT DISTINCT source_name, snapshot_date FROM opportunity_snapshot) b
             ON b.source_name = a.source_name AND b.snapshot_date < a.snapshot_date
      GROUP BY a.source_name, a.snapshot_date) d
  ON d.source_name = c.source_name AND d.snapshot_date = c.snapshot_date
WHERE NOT EXISTS (
    SELECT 1 FROM opportunity_snapshot p
    WHERE p.source_name = c.source_name AND p.snapshot_date = d.previous AND p.opportunity_id = c.opportunity_id
      AND (CAST(p.customer_id AS BINARY(1200)) = CAST(c.customer_id AS BINARY(1200)) OR (p.customer_id IS NULL AND c.customer_id IS NULL))
      AND (CAST(p.owner_id AS BINARY(1200)) = CAST(c.owner_id AS BINARY(1200)) OR (p.owner_id IS NULL AND c.owner_id IS NULL))
      AND (CAST(p.name AS BINARY(1200)) = CAST(c.name AS BINARY(1200)) OR (p.name IS NULL AND c.name IS NULL))
      AND (CAST(p.product_line AS BINARY(1200)) = CAST(c.product_line AS BINARY(1200)) OR (p.product_line IS NULL AND c.product_line IS NULL))
      AND (p.amount = c.amount OR (p.amount IS NULL AND c.amount IS NULL))
      AND (p.stage = c.stage OR (p.stage IS NULL AND c.stage IS NULL))
      AND (p.expected_close_date = c.expected_close_date OR (p.expected_close_date IS NULL AND c.expected_close_date IS NULL))
      AND (p.created_date = c.created_date OR (p.created_date IS NULL AND c.created_date IS NULL))
      AND (p.closed_date = c.closed_date OR (p.closed_date IS NULL AND c.closed_date IS NULL))
      AND (CAST(p.forecast_category AS BINARY(1200)) = CAST(c.forecast_category AS BINARY(1200)) OR (p.forecast_category IS NULL AND c.forecast_category IS NULL)));
