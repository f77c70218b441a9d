// The push dispatcher now takes the generic job lock (V007); its own lock node and constraint go.
MATCH (l:PushLock) DELETE l;
DROP CONSTRAINT push_lock_name IF EXISTS;
