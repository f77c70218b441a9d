package org.dutygraph.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What Spring's timestamp check lets pass: a token without {@code exp} (it would never expire), one issued in
 * the future, and for local tokens one without {@code iat} or claiming a longer life than this service issues.
 * Expiry itself stays with Spring's {@code JwtTimestampValidator}, with the same 60 s clock skew.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final Duration maxLifetime;
    private final Clock clock;

    private TokenLifetime(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** Tokens this service signs: {@code exp} and {@code iat} required, at most {@code tokenTtl} apart. */
    static TokenLifetime local(Duration tokenTtl, Clock clock) {
        return new TokenLifetime(tokenTtl, clock);
    }

    /** An external issuer's tokens: {@code exp} required; its lifetimes are the issuer's policy. */
    static TokenLifetime external(Clock clock) {
        return new TokenLifetime(null, clock);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        var expires = token.getExpiresAt();
        var issued = token.getIssuedAt();
        if (expires == null) {
            return refuse("The token has no expiry (exp)");
        }
        if (issued == null) {
            return maxLifetime == null
                    ? OAuth2TokenValidatorResult.success()
                    : refuse("The token has no issue time (iat)");
        }
        if (issued.isAfter(clock.instant().plus(SKEW)) || issued.isAfter(expires)) {
            return refuse("The token's issue time (iat) is in the future or after its expiry");
        }
        if (maxLifetime != null && Duration.between(issued, expires).compareTo(maxLifetime.plus(SKEW)) > 0) {
            return refuse("The token claims a longer lifetime than this service issues");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refuse(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
