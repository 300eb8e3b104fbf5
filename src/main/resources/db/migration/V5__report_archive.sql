-- Every PDF the report job wrote: what it is, for whom, and its checksum. Delivery reads it.
CREATE TABLE report_archive (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    report_type    VARCHAR(20)   NOT NULL,   -- SCORECARD, WEEKLY, FUNNEL, DIGEST
    entity_type    VARCHAR(16)   NOT NULL,   -- REP, TEAM, REGION
    entity_id      VARCHAR(50)   NOT NULL,
    entity_name    VARCHAR(300),
    period_start   DATE          NOT NULL,
    period_end     DATE          NOT NULL,
    language       VARCHAR(5)    NOT NULL,   -- zh, en
    as_of          DATE          NOT NULL,   -- the data's as-of date printed on the pages
    business_date  DATE          NOT NULL,   -- the run that wrote it
    file_path      VARCHAR(1000) NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    bytes          BIGINT        NOT NULL,
    pages          INT           NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    CONSTRAINT report_archive_one UNIQUE (report_type, entity_type, entity_id, period_start, period_end, language)
);
CREATE INDEX report_archive_run ON report_archive (business_date, report_type);
