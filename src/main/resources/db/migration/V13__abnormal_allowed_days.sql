-- A key customer listed as not visited: the days its class allowed between visits when it was
-- listed, so a report can say why in the reader's language (the reason column is English text).
ALTER TABLE abnormal_customer ADD COLUMN allowed_days INT;
