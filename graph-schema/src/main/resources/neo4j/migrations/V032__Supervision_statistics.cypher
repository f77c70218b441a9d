// Monthly supervision statistics count the cases ended in a month: how each case ended is kept on it.
CREATE INDEX supervised_case_ended IF NOT EXISTS FOR (n:SupervisedCase) ON (n.endedAt);
