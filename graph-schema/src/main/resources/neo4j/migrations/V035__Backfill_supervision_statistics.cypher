// Monthly supervision statistics (V032) count the cases whose ending is kept on them, but the cases that had ended
// and were closed before V032 never got one: open them again, and the next signal evaluation records how each one
// ended and closes it (their signals are stored already: found again, they are neither stored nor sent twice).
// Only closed cases without an ending are touched, so the backfill runs once per case.
MATCH (c:SupervisedCase) WHERE c.open = false AND c.endedAt IS NULL
SET c.open = true;
