package org.dutygraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Tokens signed with the service's own key are still refused when they never expire, claim a lifetime longer
 * than the service issues, or name an account that does not exist or no longer does (after a short cache:
 * {@code dutygraph.security.account-check-ttl}, 1 s in tests).
 */
class TokenApiTest extends ApiTest {

    @Autowired
    JwtEncoder encoder;

    @Autowired
    AccountStore accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SecurityProperties properties;

    @Test
    void aSignedTokenWithoutExpiryIsRefused() {
        var now = clock.instant();
        assertAccepted(sign(claims("analyst", now).expiresAt(now.plusSeconds(600))));
        assertRefused(sign(claims("analyst", now)));
    }

    @Test
    void aSignedTokenLivingLongerThanIssuedTokensOrIssuedInTheFutureIsRefused() {
        var now = clock.instant();
        assertRefused(sign(
                claims("analyst", now).expiresAt(now.plus(properties.tokenTtl()).plus(Duration.ofDays(1)))));
        var future = now.plus(Duration.ofHours(1));
        assertRefused(sign(claims("analyst", future).expiresAt(future.plusSeconds(600))));
        assertRefused(sign(JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject("analyst")
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of("ANALYST"))));
    }

    @Test
    void aSignedTokenForAnAccountThatDoesNotExistIsRefused() {
        var now = clock.instant();
        var ghost = sign(JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject("ghost-admin")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of("ADMIN")));
        assertRefused(ghost);
        var response = new GraphQl(port, ghost).post("{ deadPushes(first: 1) { edges { cursor } } }");
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aTokenStopsWorkingSoonAfterItsAccountIsDeletedOrDisabled() throws InterruptedException {
        var deleted = tokenOfNewAccount("deleted-later");
        var disabled = tokenOfNewAccount("disabled-later");
        try (var session = driver.session()) {
            session.run("MATCH (a:Account {username: 'deleted-later'}) DETACH DELETE a")
                    .consume();
            session.run("MATCH (a:Account {username: 'disabled-later'}) SET a.enabled = false")
                    .consume();
        }
        awaitRefused(deleted);
        awaitRefused(disabled);
        var login = anonymous()
                .post("mutation { login(input: {username: \"disabled-later\", password: \"pw-disabled-later\"}) "
                        + "{ token errors { code } } }")
                .ok()
                .path("login");
        assertThat(login.path("token").isNull()).isTrue();
        assertThat(login.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
    }

    private String tokenOfNewAccount(String username) {
        accounts.createIfMissing(username, passwords.encode("pw-" + username), List.of(Role.ANALYST), null);
        var token = anonymous()
                .post(
                        "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                        Map.of("u", username, "p", "pw-" + username))
                .ok()
                .path("login")
                .path("token")
                .asString();
        assertAccepted(token);
        return token;
    }

    private void awaitRefused(String token) throws InterruptedException {
        var deadline = Instant.now().plus(properties.accountCheckTtl()).plusSeconds(10);
        while (new GraphQl(port, token).post("{ me { username } }").status() == 200) {
            assertThat(Instant.now()).as("still accepted").isBefore(deadline);
            Thread.sleep(100);
        }
        assertRefused(token);
    }

    private JwtClaimsSet.Builder claims(String subject, Instant issuedAt) {
        return JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(subject)
                .issuedAt(issuedAt)
                .claim("roles", List.of("ANALYST"));
    }

    private String sign(JwtClaimsSet.Builder claims) {
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    private void assertAccepted(String token) {
        var response = new GraphQl(port, token).post("{ me { username } }");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
    }

    private void assertRefused(String token) {
        var response = new GraphQl(port, token).post("{ me { username } }");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
    }
}
