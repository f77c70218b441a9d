package org.dutygraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 item 11: a refused bearer token answers in GraphQL's shape with a reason the app acts on, and refresh
 * tokens keep an inspector's offline day going: rotated on use, a reused one ends the sign-in, ended at sign-out
 * and at a password change, stored only as hashes.
 */
class SessionApiTest extends ApiTest {

    private static final String LOGIN = resource("operations/common/Login.graphql");
    private static final String REFRESH = resource("operations/common/RefreshSession.graphql");
    private static final String SIGN_OUT = resource("operations/common/SignOut.graphql");
    private static final String CHANGE_PASSWORD = resource("operations/common/ChangePassword.graphql");
    private static final String PUBLIC_QUERY = "{ citizenRankings(first: 1) { edges { cursor } } }";

    @Autowired
    AccountStore accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    RefreshSessionPruner pruner;

    @Test
    void anExpiredTokenIsRefusedAsExpiredEvenForPublicFieldsAndAGarbledOneAsInvalid() {
        var session = signIn("session-expiry");
        clock.advance(Duration.ofHours(8).plusMinutes(2));
        assertRefused(new GraphQl(port, session.path("token").asString()).post("{ me { username } }"), "TOKEN_EXPIRED");
        // decided: a request carrying a refused token is refused whole, public fields included (README, Security)
        assertRefused(new GraphQl(port, session.path("token").asString()).post(PUBLIC_QUERY), "TOKEN_EXPIRED");
        assertRefused(new GraphQl(port, "not-a-jwt").post(PUBLIC_QUERY), "TOKEN_INVALID");
        assertThat(anonymous().post(PUBLIC_QUERY).status()).isEqualTo(200);
        // the refresh token still gets a fresh access token
        var next = refresh(session.path("refreshToken").asString());
        assertThat(next.path("errors").isEmpty()).as(next.toString()).isTrue();
        assertAccepted(next.path("token").asString());
    }

    @Test
    void aRefreshTokenIsRotatedOnUseAndReusingAnExchangedOneEndsTheSignIn() {
        var first = signIn("session-rotation").path("refreshToken").asString();
        var second = refresh(first);
        assertThat(second.path("errors").isEmpty()).isTrue();
        assertThat(second.path("account").path("username").asString()).isEqualTo("session-rotation");
        var secondToken = second.path("refreshToken").asString();
        assertThat(secondToken).isNotEqualTo(first);
        assertAccepted(second.path("token").asString());

        assertThat(errorCode(refresh(first))).isEqualTo("REFRESH_TOKEN_REUSED");
        // the thief's copy and the owner's newest token both stop: the whole sign-in ended
        var afterReuse = refresh(secondToken);
        assertThat(errorCode(afterReuse)).isEqualTo("REFRESH_TOKEN_REVOKED");
        assertThat(afterReuse.path("errors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"refreshToken\"]");
        assertThat(afterReuse.path("token").isNull()).isTrue();
    }

    @Test
    void twoUsesOfOneRefreshTokenAtOnceGetOneNewToken() throws Exception {
        var token = signIn("session-race").path("refreshToken").asString();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var tasks = new ArrayList<Callable<JsonNode>>();
            tasks.add(() -> refresh(token));
            tasks.add(() -> refresh(token));
            var codes = new ArrayList<String>();
            for (var result : pool.invokeAll(tasks)) {
                codes.add(errorCode(result.get()));
            }
            assertThat(codes).containsExactlyInAnyOrder(null, "REFRESH_TOKEN_REUSED");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void signingOutEndsTheSignInAndUnknownTokensAnswerTheSame() {
        var token = signIn("session-signout").path("refreshToken").asString();
        var out = anonymous().post(SIGN_OUT, Map.of("refreshToken", token)).ok().path("signOut");
        assertThat(out.path("signedOut").asBoolean()).isTrue();
        assertThat(errorCode(refresh(token))).isEqualTo("REFRESH_TOKEN_REVOKED");
        var unknown = anonymous()
                .post(SIGN_OUT, Map.of("refreshToken", "never-issued"))
                .ok()
                .path("signOut");
        assertThat(unknown).isEqualTo(out);
        assertThat(errorCode(refresh("never-issued"))).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void changingThePasswordEndsEverySignInAndStartsANewOne() {
        var phone = signIn("session-password");
        var tablet = signIn("session-password");
        // iat has whole seconds: tokens of the second of a change count as issued after it
        clock.advance(Duration.ofSeconds(2));
        var client = new GraphQl(port, phone.path("token").asString());

        var weak = client.post(
                        CHANGE_PASSWORD, Map.of("currentPassword", "pw-session-password", "newPassword", "short"))
                .ok()
                .path("changePassword");
        assertThat(errorCode(weak)).isEqualTo("WEAK_PASSWORD");
        assertThat(weak.path("errors").path(0).path("field").toString()).isEqualTo("[\"input\",\"newPassword\"]");
        var wrong = client.post(
                        CHANGE_PASSWORD, Map.of("currentPassword", "not-it", "newPassword", "a-long-new-password"))
                .ok()
                .path("changePassword");
        assertThat(errorCode(wrong)).isEqualTo("INVALID_CREDENTIALS");
        assertAccepted(phone.path("token").asString());

        var changed = client.post(
                        CHANGE_PASSWORD,
                        Map.of("currentPassword", "pw-session-password", "newPassword", "a-long-new-password"))
                .ok()
                .path("changePassword");
        assertThat(changed.path("errors").isEmpty()).as(changed.toString()).isTrue();

        assertThat(errorCode(refresh(phone.path("refreshToken").asString()))).isEqualTo("REFRESH_TOKEN_REVOKED");
        assertThat(errorCode(refresh(tablet.path("refreshToken").asString()))).isEqualTo("REFRESH_TOKEN_REVOKED");
        assertRefused(new GraphQl(port, tablet.path("token").asString()).post("{ me { username } }"), "TOKEN_REVOKED");
        assertAccepted(changed.path("token").asString());
        assertThat(refresh(changed.path("refreshToken").asString())
                        .path("errors")
                        .isEmpty())
                .isTrue();
        assertThat(login("session-password", "a-long-new-password")
                        .path("errors")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void changingThePasswordNeedsASignedInCaller() {
        var response =
                anonymous().post(CHANGE_PASSWORD, Map.of("currentPassword", "x", "newPassword", "a-long-new-password"));
        assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.data().path("changePassword").path("token").isMissingNode())
                .isTrue();
    }

    @Test
    void refreshTokensExpireAndSignInsEndAfterTheirMaximumAge() {
        var unused = signIn("session-age").path("refreshToken").asString();
        var kept = signIn("session-age").path("refreshToken").asString();
        clock.advance(Duration.ofDays(13));
        kept = refresh(kept).path("refreshToken").asString();
        clock.advance(Duration.ofDays(2));
        assertThat(errorCode(refresh(unused))).isEqualTo("REFRESH_TOKEN_EXPIRED");
        kept = refresh(kept).path("refreshToken").asString();
        assertThat(kept).isNotBlank();
        clock.advance(Duration.ofDays(16));
        assertThat(errorCode(refresh(kept))).isEqualTo("REFRESH_TOKEN_EXPIRED");
    }

    /** Every sign-in starts a session: the pruner deletes those that can no longer give a token, and only those. */
    @Test
    void thePrunerDeletesDeadSessionsWithTheirTokensAndKeepsLiveOnes() {
        var aged = signIn("session-prune").path("refreshToken").asString();
        var signedOut = signIn("session-prune");
        new GraphQl(port, signedOut.path("token").asString())
                .post(
                        SIGN_OUT,
                        Map.of("refreshToken", signedOut.path("refreshToken").asString()))
                .ok();
        clock.advance(Duration.ofDays(16)); // the signed-out session's token has expired (14 days)
        var recent = signIn("session-prune").path("refreshToken").asString();
        assertThat(sessionsOf("session-prune")).isEqualTo(3);

        pruner.pruneDead();
        assertThat(sessionsOf("session-prune"))
                .as("revoked with every token expired")
                .isEqualTo(2);

        clock.advance(Duration.ofDays(13));
        recent = refresh(recent).path("refreshToken").asString();
        clock.advance(Duration.ofDays(2)); // day 31: the first session is past its 30 days, the recent one is not
        pruner.pruneDead();
        assertThat(sessionsOf("session-prune")).isEqualTo(1);
        assertThat(errorCode(refresh(aged))).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(refresh(recent).path("refreshToken").asString()).isNotBlank();
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:RefreshToken) WHERE NOT (t)-[:OF]->() RETURN count(t) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .as("no token left without its session")
                    .isZero();
        }
    }

    private long sessionsOf(String username) {
        try (var session = driver.session()) {
            return session.run("MATCH (s:RefreshSession {username: $u}) RETURN count(s) AS n", Map.of("u", username))
                    .single()
                    .get("n")
                    .asLong();
        }
    }

    @Test
    void aDisabledAccountsRefreshTokenGetsNothing() {
        var token = signIn("session-disabled").path("refreshToken").asString();
        try (var session = driver.session()) {
            session.run("MATCH (a:Account {username: 'session-disabled'}) SET a.enabled = false")
                    .consume();
        }
        assertThat(errorCode(refresh(token))).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void refreshTokensAreStoredOnlyAsTheirHash() {
        var token = signIn("session-hashed").path("refreshToken").asString();
        List<String> values;
        try (var session = driver.session()) {
            values = session.run("""
                    MATCH (t:RefreshToken)-[:OF]->(s:RefreshSession {username: 'session-hashed'})
                    RETURN [k IN keys(t) | toString(t[k])] + [k IN keys(s) | toString(s[k])] AS values""").single().get("values").asList(org.neo4j.driver.Value::asString);
        }
        assertThat(values).doesNotContain(token).contains(sha256(token));
    }

    private JsonNode signIn(String username) {
        accounts.createIfMissing(username, passwords.encode("pw-" + username), List.of(Role.INSPECTOR), "xnb");
        var login = login(username, "pw-" + username);
        assertThat(login.path("refreshToken").asString()).isNotBlank();
        return login;
    }

    private JsonNode login(String username, String password) {
        return anonymous()
                .post(LOGIN, Map.of("username", username, "password", password))
                .ok()
                .path("login");
    }

    private JsonNode refresh(String refreshToken) {
        return anonymous()
                .post(REFRESH, Map.of("refreshToken", refreshToken))
                .ok()
                .path("refreshSession");
    }

    private static String errorCode(JsonNode payload) {
        return payload.path("errors").path(0).path("code").asString(null);
    }

    private void assertAccepted(String token) {
        var response = new GraphQl(port, token).post("{ me { username } }");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
    }

    private static void assertRefused(GraphQl.Response response, String reason) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.body()
                        .path("errors")
                        .path(0)
                        .path("extensions")
                        .path("reason")
                        .asString())
                .isEqualTo(reason);
    }

    private static String sha256(String text) throws IllegalStateException {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
