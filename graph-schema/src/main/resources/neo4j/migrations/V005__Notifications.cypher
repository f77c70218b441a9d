// Push notifications: device registry, per-recipient inbox, transactional outbox and its dispatch lock
// (the lock node is merged by the dispatcher, so wiping the graph cannot lose it).
CREATE CONSTRAINT device_token IF NOT EXISTS FOR (n:Device) REQUIRE n.token IS UNIQUE;
CREATE INDEX device_recipient IF NOT EXISTS FOR (n:Device) ON (n.recipient);
CREATE INDEX device_last_seen IF NOT EXISTS FOR (n:Device) ON (n.lastSeenAt);
CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE INDEX notification_recipient_key IF NOT EXISTS FOR (n:Notification) ON (n.recipient, n.key);
CREATE CONSTRAINT push_intent_id IF NOT EXISTS FOR (n:PushIntent) REQUIRE n.id IS UNIQUE;
CREATE INDEX push_intent_due IF NOT EXISTS FOR (n:PushIntent) ON (n.state, n.dueAt);
CREATE CONSTRAINT push_lock_name IF NOT EXISTS FOR (n:PushLock) REQUIRE n.name IS UNIQUE;
