// The open cases are counted and paged through V070's (open, id) index: the single-property open index (V030)
// repeated its prefix and cost an index update for every case created, closed or opened again by the intake and the
// signal evaluation. Every supervised case has an id (every writer sets it), so `open = true AND id IS NOT NULL`
// counts the same cases through the composite index.
DROP INDEX supervised_case_open IF EXISTS;
