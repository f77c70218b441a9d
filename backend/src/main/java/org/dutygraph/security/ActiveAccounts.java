package org.dutygraph.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Whether a local token's account still exists and is enabled, remembered for
 * {@link SecurityProperties#accountCheckTtl()} so that each request does not read the account. Not an
 * {@code OAuth2TokenValidator} bean on purpose: Boot would add those to an external issuer's decoder, whose
 * subjects need not be local accounts.
 */
@Component
class ActiveAccounts {

    private final LoadingCache<String, Boolean> active;

    ActiveAccounts(AccountStore accounts, SecurityProperties properties) {
        this.active = Caffeine.newBuilder().expireAfterWrite(properties.accountCheckTtl()).maximumSize(10_000)
                .build(accounts::active);
    }

    OAuth2TokenValidatorResult validate(Jwt token) {
        var subject = token.getSubject();
        return subject != null && active.get(subject) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token's account does not exist or is disabled", null));
    }
}
