// Property keys that queries read before any entity may have them. Every query of who holds a post on a day reads
// HOLDS.startDate and HOLDS.endDate (Holdings.currentOn), the roster reads HOLDS.secondedFrom, and every signed-in
// request's account check reads Account.passwordChangedAt. A store where no holding has ended or been seconded yet
// (the demo city's), or nobody has changed a password, lacks the key, and Neo4j then notified "the property
// `endDate` does not exist" on every such query. Keys are never removed once created: creating them up front ends
// those notifications for good.
CALL db.createProperty('startDate');
CALL db.createProperty('endDate');
CALL db.createProperty('secondedFrom');
CALL db.createProperty('passwordChangedAt');
