-- Ingest: what was loaded from where, what was rejected and why, and the loaded sales data.
-- Portable SQL: runs unchanged on MariaDB and on H2 in MariaDB mode.

-- One row per file (or JDBC query) taken in by an ingest run.
CREATE TABLE ingest_load (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_instance_id  BIGINT       NOT NULL,
    business_date    DATE         NOT NULL,
    source_name      VARCHAR(100) NOT NULL,
    kind             VARCHAR(30)  NOT NULL,
    file_name        VARCHAR(500) NOT NULL,
    sha256           CHAR(64),
    status           VARCHAR(20)  NOT NULL,   -- PENDING, LOADED, DUPLICATE
    duplicate_of     BIGINT,
    rows_read        INT,
    rows_loaded      INT,
    rows_rejected    INT,
    archived_to      VARCHAR(1000),
    created_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)
);
CREATE INDEX ingest_load_instance ON ingest_load (job_instance_id);
CREATE INDEX ingest_load_sha ON ingest_load (source_name, sha256);

CREATE TABLE ingest_reject (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    load_id      BIGINT        NOT NULL,
    source_name  VARCHAR(100)  NOT NULL,
    file_name    VARCHAR(500)  NOT NULL,
    line_no      BIGINT        NOT NULL,
    field_name   VARCHAR(100),
    field_value  VARCHAR(1000),
    reason       VARCHAR(1000) NOT NULL,
    raw_row      TEXT
);
CREATE INDEX ingest_reject_load ON ingest_reject (load_id);

-- Which dates each load of dated rows covers, and with how many rows: a newer load of the same
-- source for the same date replaces the older one's rows.
CREATE TABLE ingest_load_date (
    load_id      BIGINT       NOT NULL,
    source_name  VARCHAR(100) NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    data_date    DATE         NOT NULL,
    row_count    INT          NOT NULL,
    PRIMARY KEY (load_id, data_date)
);
CREATE INDEX ingest_load_date_scope ON ingest_load_date (source_name, kind, data_date);

-- Dates whose figures must be recomputed because rows for them arrived or were replaced.
CREATE TABLE recompute_request (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind          VARCHAR(30)  NOT NULL,
    data_date     DATE         NOT NULL,
    load_id       BIGINT       NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    requested_at  DATETIME(6)  NOT NULL,
    done_at       DATETIME(6)
);
CREATE INDEX recompute_request_open ON recompute_request (done_at, data_date);

-- Organisation with history: one row per person per assignment.
CREATE TABLE org_assignment (
    employee_id  VARCHAR(50)  NOT NULL,
    valid_from   DATE         NOT NULL,
    valid_to     DATE,
    name         VARCHAR(300) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    email        VARCHAR(200) NOT NULL,
    language     VARCHAR(5)   NOT NULL,
    manager_id   VARCHAR(50),
    team_code    VARCHAR(50),
    team_name    VARCHAR(100),
    region_code  VARCHAR(50)  NOT NULL,
    region_name  VARCHAR(100),
    source_name  VARCHAR(100) NOT NULL,
    load_id      BIGINT       NOT NULL,
    PRIMARY KEY (employee_id, valid_from)
);

CREATE TABLE customer (
    customer_id      VARCHAR(50)   NOT NULL PRIMARY KEY,
    name             VARCHAR(300)  NOT NULL,
    segment          VARCHAR(50)   NOT NULL,
    region_code      VARCHAR(50)   NOT NULL,
    annual_potential DECIMAL(18,2) NOT NULL,
    share_of_wallet  DECIMAL(9,6)  NOT NULL,
    owner_id         VARCHAR(50),
    customer_class   CHAR(2)       NOT NULL,   -- R1 .. A3 (seed 001)
    abc_class        CHAR(1)       NOT NULL,   -- A / B / C
    source_name      VARCHAR(100)  NOT NULL,
    load_id          BIGINT        NOT NULL
);

CREATE TABLE sales_target (
    rep_id              VARCHAR(50)   NOT NULL,
    month_start         DATE          NOT NULL,
    sales_target        DECIMAL(18,2) NOT NULL,
    margin_target       DECIMAL(18,2),
    collection_target   DECIMAL(18,2),
    new_customer_target INT,
    visit_target        INT,
    source_name         VARCHAR(100)  NOT NULL,
    load_id             BIGINT        NOT NULL,
    PRIMARY KEY (rep_id, month_start)
);

-- Dated tables are clustered by date (the rollups read them by date range) and carry no
-- secondary index, so the nightly bulk load costs little more than into a bare table. A row is
-- identified by its load and line; per-load work finds its dates in ingest_load_date.
CREATE TABLE visit_plan (
    load_id       BIGINT       NOT NULL,
    source_name   VARCHAR(100) NOT NULL,
    line_no       BIGINT       NOT NULL,
    rep_id        VARCHAR(50)  NOT NULL,
    plan_date     DATE         NOT NULL,
    customer_id   VARCHAR(50)  NOT NULL,
    purpose       VARCHAR(20)  NOT NULL,
    planned_time  VARCHAR(5),
    area          VARCHAR(200),
    PRIMARY KEY (plan_date, rep_id, load_id, line_no)
);

-- Daily sales report as filed: one row per visit (or one row for a day without visits).
CREATE TABLE report_line (
    load_id             BIGINT        NOT NULL,
    source_name         VARCHAR(100)  NOT NULL,
    line_no             BIGINT        NOT NULL,
    rep_id              VARCHAR(50)   NOT NULL,
    report_date         DATE          NOT NULL,
    customer_id         VARCHAR(50),
    visit_time          VARCHAR(5),
    purpose             VARCHAR(20),
    outcome             VARCHAR(2000),
    effective           BOOLEAN,
    order_amount        DECIMAL(18,2),
    gross_margin        DECIMAL(18,2),
    payment_collected   DECIMAL(18,2),
    expense             DECIMAL(18,2),
    submitted_at        DATETIME(6),
    attendance          VARCHAR(20),
    complaints_received INT,
    complaints_resolved INT,
    competitor_info     VARCHAR(2000),
    customer_feedback   VARCHAR(2000),
    notes               VARCHAR(2000),
    PRIMARY KEY (report_date, rep_id, load_id, line_no)
);

-- One row per rep and day reported. The day fields may be repeated on every line of the day or
-- given on one; where lines disagree the largest value is kept, so the result is order-free.
CREATE VIEW report_day AS
SELECT rep_id, report_date, load_id, source_name,
       COUNT(customer_id)       AS visits,
       MAX(submitted_at)        AS submitted_at,
       MAX(attendance)          AS attendance,
       MAX(complaints_received) AS complaints_received,
       MAX(complaints_resolved) AS complaints_resolved,
       MAX(competitor_info)     AS competitor_info,
       MAX(customer_feedback)   AS customer_feedback,
       MAX(notes)               AS notes
FROM report_line
GROUP BY rep_id, report_date, load_id, source_name;

-- The nightly full extract of the pipeline, one set of rows per snapshot date.
CREATE TABLE opportunity_snapshot (
    snapshot_date       DATE          NOT NULL,
    opportunity_id      VARCHAR(50)   NOT NULL,
    load_id             BIGINT        NOT NULL,
    source_name         VARCHAR(100)  NOT NULL,
    line_no             BIGINT        NOT NULL,
    customer_id         VARCHAR(50)   NOT NULL,
    owner_id            VARCHAR(50)   NOT NULL,
    name                VARCHAR(300),
    product_line        VARCHAR(100)  NOT NULL,
    amount              DECIMAL(18,2) NOT NULL,
    stage               VARCHAR(20)   NOT NULL,
    source_stage        VARCHAR(300)  NOT NULL,
    expected_close_date DATE,
    created_date        DATE          NOT NULL,
    closed_date         DATE,
    loss_reason         VARCHAR(300),
    competitor          VARCHAR(100),
    forecast_category   VARCHAR(20),
    PRIMARY KEY (snapshot_date, opportunity_id, load_id, line_no)
);
CREATE INDEX opportunity_snapshot_source ON opportunity_snapshot (source_name, snapshot_date);

-- Stage history: from a source's stage-change log (LOG) or from comparing snapshots (SNAPSHOT).
CREATE TABLE opportunity_stage_change (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    opportunity_id  VARCHAR(50)  NOT NULL,
    changed_on      DATE         NOT NULL,
    from_stage      VARCHAR(20),
    to_stage        VARCHAR(20)  NOT NULL,
    origin          VARCHAR(10)  NOT NULL,
    load_id         BIGINT       NOT NULL,
    source_name     VARCHAR(100) NOT NULL,
    line_no         BIGINT
);
CREATE INDEX opportunity_stage_change_opp ON opportunity_stage_change (opportunity_id, changed_on);
CREATE INDEX opportunity_stage_change_load ON opportunity_stage_change (load_id);
CREATE INDEX opportunity_stage_change_date ON opportunity_stage_change (source_name, changed_on);
