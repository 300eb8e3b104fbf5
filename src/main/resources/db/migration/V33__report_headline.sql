-- A report's key figures as its PDF shows them (report/ReportHeadline: score, grade and rank; orders, target,
-- attainment and abnormal customers; this month's P50 and coverage; daily reports in, due and late), written with
-- the PDF, so a mail says them in the line naming the PDF, a corrected PDF's its new ones, a resend the ones of the
-- file it carries. "key=value;..." with numbers as plain decimals; empty for a PDF archived before it was kept.
ALTER TABLE report_archive ADD COLUMN headline VARCHAR(1000) NULL;
