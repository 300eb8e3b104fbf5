-- Each appraisal item's label as appraisal.yml gave it when the month was scored ("中文 | English"),
-- which the scorecard prints; empty when the file gave none (the scorecard then names the measure).
ALTER TABLE appraisal_item ADD COLUMN label VARCHAR(200);
