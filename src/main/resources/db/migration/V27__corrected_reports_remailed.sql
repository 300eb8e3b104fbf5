-- A corrected report is mailed again; an unchanged one never. The PDF's own sha256 changes on every
-- render (its generation time is printed on the pages), so the archive also keeps a hash of what the
-- pages say without it, and each delivered mail keeps which content of which report it carried.
ALTER TABLE report_archive ADD COLUMN content_sha256 CHAR(64) NULL;

CREATE TABLE delivery_log_report (
    delivery_log_id  BIGINT    NOT NULL,   -- the delivery_log row of the mail
    report_id        BIGINT    NOT NULL,   -- report_archive id
    content_sha256   CHAR(64)  NOT NULL,   -- report_archive.content_sha256 when it was mailed
    PRIMARY KEY (delivery_log_id, report_id)
);
