// Chinese full-text search over the original wording of duties and power items.
// The cjk analyzer indexes bigrams, so '石膏矿' finds '石膏矿安全监督管理'.
CREATE FULLTEXT INDEX duty_text IF NOT EXISTS FOR (n:Duty) ON EACH [n.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX power_item_name IF NOT EXISTS FOR (n:PowerItem) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
