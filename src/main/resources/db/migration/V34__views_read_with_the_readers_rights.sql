-- Every view is read with the rights of whoever reads it (SQL SECURITY INVOKER), as rollup (V28) is.
-- report_day (V2) and org_entity (V3) were created with MariaDB's default, SQL SECURITY DEFINER: a copy
-- of the database restored under another name, or read by another user, failed on them with "View ...
-- references invalid table(s) or column(s) or function(s) or definer/invoker of view lack rights to use
-- them" when the user who ran the migrations has no rights there. The definitions are those of V2 and
-- V3 unchanged; the executable comment is MariaDB's, H2 skips it (H2 has no view security).
CREATE OR REPLACE /*!50013 SQL SECURITY INVOKER */ VIEW report_day AS
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

CREATE OR REPLACE /*!50013 SQL SECURITY INVOKER */ VIEW org_entity AS
SELECT 'REP' AS entity_type, employee_id AS entity_id, MAX(name) AS entity_name
FROM org_assignment GROUP BY employee_id
UNION ALL
SELECT 'TEAM', team_code, MAX(team_name) FROM org_assignment WHERE team_code IS NOT NULL GROUP BY team_code
UNION ALL
SELECT 'REGION', region_code, MAX(region_name) FROM org_assignment GROUP BY region_code;
