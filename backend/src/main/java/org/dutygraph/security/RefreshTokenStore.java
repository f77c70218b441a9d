package org.dutygraph.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens by the SHA-256 of their text: (:RefreshToken)-[:OF]->(:RefreshSession), one session per sign-in.
 * A used token keeps its node (usedAt set) so that its reuse is recognised and ends the session.
 */
@Component
class RefreshTokenStore {

    record StoredToken(
            String sessionId,
            String username,
            Instant expiresAt,
            Instant usedAt,
            Instant sessionStartedAt,
            Instant sessionRevokedAt) {}

    private final Neo4jClient neo4j;

    RefreshTokenStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void startSession(String sessionId, String username, Instant now) {
        neo4j.query("CREATE (:RefreshSession {id: $id, username: $username, startedAt: $now})")
                .bindAll(Map.of("id", sessionId, "username", username, "now", time(now)))
                .run();
    }

    void add(String sessionId, String hash, Instant issuedAt, Instant expiresAt) {
        neo4j.query("""
                        MATCH (s:RefreshSession {id: $session})
                        CREATE (:RefreshToken {hash: $hash, issuedAt: $issued, expiresAt: $expires})-[:OF]->(s)""")
                .bindAll(Map.of(
                        "session", sessionId, "hash", hash, "issued", time(issuedAt), "expires", time(expiresAt)))
                .run();
    }

    Optional<StoredToken> find(String hash) {
        return neo4j.query("""
                        MATCH (t:RefreshToken {hash: $hash})-[:OF]->(s:RefreshSession)
                        RETURN s.id AS session, s.username AS username, t.expiresAt AS expires, t.usedAt AS used,
                               s.startedAt AS started, s.revokedAt AS revoked""")
                .bind(hash)
                .to("hash")
                .fetchAs(StoredToken.class)
                .mappedBy((types, row) -> new StoredToken(
                        row.get("session").asString(),
                        row.get("username").asString(),
                        instant(row.get("expires")),
                        instant(row.get("used")),
                        instant(row.get("started")),
                        instant(row.get("revoked"))))
                .one();
    }

    void markUsed(String hash, Instant now) {
        neo4j.query("MATCH (t:RefreshToken {hash: $hash}) SET t.usedAt = $now")
                .bindAll(Map.of("hash", hash, "now", time(now)))
                .run();
    }

    void revokeSession(String sessionId, String why, Instant now) {
        neo4j.query(
                        "MATCH (s:RefreshSession {id: $id}) WHERE s.revokedAt IS NULL SET s.revokedAt = $now, s.revokedBecause = $why")
                .bindAll(Map.of("id", sessionId, "why", why, "now", time(now)))
                .run();
    }

    void revokeAccountSessions(String username, String why, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("username", username);
        params.put("why", why);
        params.put("now", time(now));
        neo4j.query("""
                        MATCH (s:RefreshSession {username: $username}) WHERE s.revokedAt IS NULL
                        SET s.revokedAt = $now, s.revokedBecause = $why""").bindAll(params).run();
    }

    /**
     * Deletes up to {@code batch} sessions that can no longer give an access token, with their tokens: those
     * started before {@code startedBefore} (past their maximum age), and revoked ones whose every token has
     * expired (until then a reused token is still recognised as such). Returns how many sessions it deleted.
     */
    int pruneDead(Instant startedBefore, Instant now, int batch) {
        return neo4j.query("""
                        MATCH (s:RefreshSession)
                        WHERE s.startedAt < $startedBefore
                           OR (s.revokedAt IS NOT NULL
                               AND NOT EXISTS { MATCH (t:RefreshToken)-[:OF]->(s) WHERE t.expiresAt > $now })
                        WITH s LIMIT $batch
                        OPTIONAL MATCH (t:RefreshToken)-[:OF]->(s)
                        WITH s, collect(t) AS tokens, s.id AS id
                        FOREACH (t IN tokens | DETACH DELETE t)
                        DETACH DELETE s
                        RETURN count(id) AS pruned""")
                .bindAll(Map.of("startedBefore", time(startedBefore), "now", time(now), "batch", batch))
                .fetchAs(Integer.class)
                .mappedBy((types, row) -> row.get("pruned").asInt())
                .one()
                .orElse(0);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(org.neo4j.driver.Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant();
    }
}
