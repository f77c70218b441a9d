package org.dutygraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The lifetime rules on their own, for the external-issuer mode that the API tests do not start. */
class TokenLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void externalTokensNeedAnExpiryButNoIssueTime() {
        var external = TokenLifetime.external(CLOCK);
        assertThat(external.validate(jwt(null, NOW.plusSeconds(60))).hasErrors())
                .isFalse();
        assertThat(external.validate(jwt(NOW, NOW.plus(Duration.ofDays(30)))).hasErrors())
                .isFalse();
        assertThat(external.validate(jwt(NOW, null)).hasErrors()).isTrue();
        assertThat(external.validate(jwt(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void localTokensNeedBothAndNoLongerLifeThanIssued() {
        var local = TokenLifetime.local(Duration.ofHours(8), CLOCK);
        assertThat(local.validate(jwt(NOW, NOW.plus(Duration.ofHours(8)))).hasErrors())
                .isFalse();
        assertThat(local.validate(jwt(null, NOW.plusSeconds(60))).hasErrors()).isTrue();
        assertThat(local.validate(jwt(NOW, NOW.plus(Duration.ofHours(9)))).hasErrors())
                .isTrue();
    }

    private static Jwt jwt(Instant issuedAt, Instant expiresAt) {
        var builder = Jwt.withTokenValue("t").header("alg", "HS256").subject("someone");
        if (issuedAt != null) {
            builder.issuedAt(issuedAt);
        }
        if (expiresAt != null) {
            builder.expiresAt(expiresAt);
        }
        return builder.build();
    }
}
