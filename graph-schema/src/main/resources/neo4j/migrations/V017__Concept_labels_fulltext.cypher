// Chinese full-text search over concept labels and their alt labels (synonyms): matters named in a
// complaint's words are found through it before their exact wording is checked.
CREATE FULLTEXT INDEX concept_label IF NOT EXISTS FOR (n:Concept) ON EACH [n.label, n.altLabels]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
