-- The rollup's index by entity cost every stored row a random write (a full recompute spent a
-- quarter of its storing time on it, a night half of its deleting) and served one reader, the
-- scorecard's six-month trend, which now looks its months up by the primary key. Every other
-- reader asks for a period, the primary key's first columns.
DROP INDEX rollup_entity ON rollup;
