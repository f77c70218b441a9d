// Refresh tokens (security): one RefreshSession per sign-in, one RefreshToken per rotation, found by the SHA-256 of
// the token (the token itself is never stored). Revoking a session revokes every token of it.
CREATE CONSTRAINT refresh_session_id IF NOT EXISTS FOR (n:RefreshSession) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT refresh_token_hash IF NOT EXISTS FOR (n:RefreshToken) REQUIRE n.hash IS UNIQUE;
CREATE INDEX refresh_session_account IF NOT EXISTS FOR (n:RefreshSession) ON (n.username);
