-- A file read again (its rows wait for later nights, or it is re-sent) rejects its bad rows
-- again; the rejects CSV says since when each was known, found by file and line.
CREATE INDEX ingest_reject_file_line ON ingest_reject (file_name, line_no);
