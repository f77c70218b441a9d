package org.dutygraph.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret    base64 HMAC-SHA256 key (at least 32 bytes) for tokens this service issues;
 *                     when absent a random key is made at start (tokens then die with the process)
 * @param tokenTtl     lifetime of issued tokens
 * @param issuer       the {@code iss} claim of issued tokens
 * @param seedAccounts local accounts created at start if missing (development and demos only)
 */
@ConfigurationProperties("dutygraph.security")
public record SecurityProperties(String jwtSecret, Duration tokenTtl, String issuer, List<SeedAccount> seedAccounts) {

    public SecurityProperties {
        tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        issuer = issuer == null ? "dutygraph" : issuer;
        seedAccounts = seedAccounts == null ? List.of() : seedAccounts;
    }

    public record SeedAccount(String username, String password, List<String> roles, String unitId, String personId) {
    }
}
