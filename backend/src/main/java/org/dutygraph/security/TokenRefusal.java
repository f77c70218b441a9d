package org.dutygraph.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Why a bearer token was refused, as {@code extensions.reason} next to {@code UNAUTHENTICATED}: what the app does
 * next differs. The validators name the reason as their error code; anything else (not a JWT, a wrong signature,
 * another issuer) is TOKEN_INVALID.
 */
enum TokenRefusal {
    /** Past its {@code exp}: use the refresh token. */
    TOKEN_EXPIRED,
    /** Issued before the account's password changed: sign in again. */
    TOKEN_REVOKED,
    /** The account does not exist or is disabled. */
    ACCOUNT_INACTIVE,
    /** Malformed, badly signed, from another issuer or claiming an impossible lifetime: sign in again. */
    TOKEN_INVALID;

    OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(name(), description, null));
    }

    static TokenRefusal of(AuthenticationException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream()
                        .map(TokenRefusal::of)
                        .filter(r -> r != TOKEN_INVALID)
                        .findFirst()
                        .orElse(TOKEN_INVALID);
            }
        }
        return TOKEN_INVALID;
    }

    private static TokenRefusal of(OAuth2Error error) {
        for (var reason : values()) {
            if (reason.name().equals(error.getErrorCode())) {
                return reason;
            }
        }
        // an external issuer's decoder keeps Spring's own timestamp validator
        var description = error.getDescription();
        return description != null && description.startsWith("Jwt expired") ? TOKEN_EXPIRED : TOKEN_INVALID;
    }
}
