package org.dutygraph.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret              base64 HMAC-SHA256 key (at least 32 bytes) for tokens this service issues;
 *                               when absent a random key is made at start (tokens then die with the process)
 * @param tokenTtl               lifetime of issued tokens; signed tokens claiming a longer one are refused
 * @param issuer                 the {@code iss} claim of issued tokens
 * @param accountCheckTtl        how long "this token's account exists and is enabled" is remembered: a deleted or
 *                               disabled account's tokens stop working at most this long after
 * @param loginFailuresPerSource failed sign-ins one source address (an IPv6 /64) may make across all usernames
 *                               per 15 minutes
 * @param refreshTokenTtl        lifetime of a refresh token; each use returns a new one
 * @param refreshSessionMaxAge   how long refresh tokens keep a sign-in going, however often they are used; then the
 *                               password is asked again
 * @param seedAccounts           local accounts created at start if missing (development and demos only)
 */
@ConfigurationProperties("dutygraph.security")
public record SecurityProperties(
        String jwtSecret,
        Duration tokenTtl,
        String issuer,
        Duration accountCheckTtl,
        Integer loginFailuresPerSource,
        Duration refreshTokenTtl,
        Duration refreshSessionMaxAge,
        List<SeedAccount> seedAccounts) {

    public SecurityProperties {
        tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        issuer = issuer == null ? "dutygraph" : issuer;
        accountCheckTtl = accountCheckTtl == null ? Duration.ofSeconds(30) : accountCheckTtl;
        loginFailuresPerSource = loginFailuresPerSource == null ? 30 : loginFailuresPerSource;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
        refreshSessionMaxAge = refreshSessionMaxAge == null ? Duration.ofDays(30) : refreshSessionMaxAge;
        seedAccounts = seedAccounts == null ? List.of() : seedAccounts;
    }

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=" + (jwtSecret == null ? "random" : "(set)") + ", tokenTtl=" + tokenTtl
                + ", issuer=" + issuer + ", accountCheckTtl=" + accountCheckTtl + ", loginFailuresPerSource="
                + loginFailuresPerSource + ", refreshTokenTtl=" + refreshTokenTtl
                + ", refreshSessionMaxAge=" + refreshSessionMaxAge + ", seedAccounts=" + seedAccounts.size() + "]";
    }

    public record SeedAccount(String username, String password, List<String> roles, String unitId, String personId) {}
}
