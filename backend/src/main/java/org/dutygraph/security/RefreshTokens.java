package org.dutygraph.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens: 256 random bits, stored only as their SHA-256 (they are not guessable, so a slow hash adds
 * nothing). Each use returns a new token and retires the one used; a retired token used again means it was copied,
 * so the whole sign-in (its session) ends. Sessions also end at sign-out, at a password change, and
 * {@link SecurityProperties#refreshSessionMaxAge()} after they started.
 */
@Component
class RefreshTokens {

    record Issued(String token, Instant expiresAt) {}

    /** A new token for {@code username}, or why there is none ({@link RefreshRefusal}). */
    record Rotation(String username, Issued next, RefreshRefusal refusal) {}

    enum RefreshRefusal {
        REFRESH_TOKEN_INVALID(SecurityTexts.REFRESH_TOKEN_INVALID),
        REFRESH_TOKEN_EXPIRED(SecurityTexts.REFRESH_TOKEN_EXPIRED),
        REFRESH_TOKEN_REVOKED(SecurityTexts.REFRESH_TOKEN_REVOKED),
        REFRESH_TOKEN_REUSED(SecurityTexts.REFRESH_TOKEN_REUSED);

        final SecurityTexts text;

        RefreshRefusal(SecurityTexts text) {
            this.text = text;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenStore tokens;
    private final AccountStore accounts;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final SecurityProperties properties;
    private final Clock clock;

    RefreshTokens(
            RefreshTokenStore tokens,
            AccountStore accounts,
            GraphTransactions graph,
            LockStore locks,
            SecurityProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.graph = graph;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    Issued startSession(String username) {
        return graph.write(() -> {
            var session = UUID.randomUUID().toString();
            tokens.startSession(session, username, clock.instant());
            return issue(session);
        });
    }

    /** Exchanges a token for the next one, in one transaction holding the session's lock (two uses: one wins). */
    Rotation rotate(String token) {
        var hash = sha256(token);
        return graph.write(() -> {
            var found = tokens.find(hash);
            if (found.isEmpty()) {
                return refused(RefreshRefusal.REFRESH_TOKEN_INVALID);
            }
            locks.node("RefreshSession", found.get().sessionId());
            var stored = tokens.find(hash).orElseThrow();
            var now = clock.instant();
            if (stored.sessionRevokedAt() != null) {
                return refused(RefreshRefusal.REFRESH_TOKEN_REVOKED);
            }
            if (stored.usedAt() != null) {
                tokens.revokeSession(stored.sessionId(), "REUSED", now);
                return refused(RefreshRefusal.REFRESH_TOKEN_REUSED);
            }
            if (!now.isBefore(stored.expiresAt())
                    || !now.isBefore(stored.sessionStartedAt().plus(properties.refreshSessionMaxAge()))) {
                return refused(RefreshRefusal.REFRESH_TOKEN_EXPIRED);
            }
            if (accounts.standing(stored.username())
                    .filter(AccountStore.Standing::enabled)
                    .isEmpty()) {
                tokens.revokeSession(stored.sessionId(), "ACCOUNT_INACTIVE", now);
                return refused(RefreshRefusal.REFRESH_TOKEN_INVALID);
            }
            tokens.markUsed(hash, now);
            return new Rotation(stored.username(), issue(stored.sessionId()), null);
        });
    }

    /** Ends the session of this token, whoever sends it (holding the token is the proof); unknown tokens end nothing. */
    void signOut(String token) {
        var hash = sha256(token);
        graph.write(() ->
                tokens.find(hash).ifPresent(t -> tokens.revokeSession(t.sessionId(), "SIGNED_OUT", clock.instant())));
    }

    void endAllSessions(String username, String why) {
        graph.write(() -> tokens.revokeAccountSessions(username, why, clock.instant()));
    }

    private Issued issue(String session) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        var expires = now.plus(properties.refreshTokenTtl());
        tokens.add(session, sha256(token), now, expires);
        return new Issued(token, expires);
    }

    private static String sha256(String token) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rotation refused(RefreshRefusal why) {
        return new Rotation(null, null, why);
    }
}
