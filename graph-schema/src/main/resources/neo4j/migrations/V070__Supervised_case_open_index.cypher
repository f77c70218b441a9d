// Signal evaluation pages through the open cases by id: with open and id in one index the page is a seek in id order
// (with the open index alone each page read and sorted every open case, or walked every case by id to find them).
CREATE INDEX supervised_case_open_id IF NOT EXISTS FOR (n:SupervisedCase) ON (n.open, n.id);
