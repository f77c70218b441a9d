package org.dutygraph.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Whether a local token's account still exists and is enabled, and whether the token was issued after the
 * account's last password change, remembered for {@link SecurityProperties#accountCheckTtl()} so that each request
 * does not read the account. Not an {@code OAuth2TokenValidator} bean on purpose: Boot would add those to an
 * external issuer's decoder, whose subjects need not be local accounts.
 */
@Component
class ActiveAccounts {

    private final LoadingCache<String, Optional<AccountStore.Standing>> standing;

    ActiveAccounts(AccountStore accounts, SecurityProperties properties) {
        this.standing = Caffeine.newBuilder()
                .expireAfterWrite(properties.accountCheckTtl())
                .maximumSize(10_000)
                .build(accounts::standing);
    }

    OAuth2TokenValidatorResult validate(Jwt token) {
        var subject = token.getSubject();
        var account = subject == null ? Optional.<AccountStore.Standing>empty() : standing.get(subject);
        if (account.isEmpty() || !account.get().enabled()) {
            return TokenRefusal.ACCOUNT_INACTIVE.failure("The token's account does not exist or is disabled");
        }
        if (issuedBefore(token.getIssuedAt(), account.get().passwordChangedAt())) {
            return TokenRefusal.TOKEN_REVOKED.failure("The token was issued before the account's password changed");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Forgets what it knows of this account: its own password change must apply to its next request. */
    void forget(String username) {
        standing.invalidate(username);
    }

    /** {@code iat} has whole seconds: a token issued in the second of the change still counts as after it. */
    private static boolean issuedBefore(Instant issued, Instant passwordChanged) {
        return issued != null && passwordChanged != null && issued.getEpochSecond() < passwordChanged.getEpochSecond();
    }
}
