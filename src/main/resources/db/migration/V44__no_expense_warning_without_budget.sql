-- A zero sales target sets no expense budget (rollup/Warnings): the month warnings stored against a
-- budget of 0 are those a recompute would no longer write. Runs on MariaDB and on H2 in MariaDB mode.
DELETE FROM rollup_warning WHERE period_type = 'MONTH' AND measure = 'expenses' AND baseline = 0;
