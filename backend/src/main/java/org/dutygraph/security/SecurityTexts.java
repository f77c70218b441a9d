package org.dutygraph.security;

import org.dutygraph.platform.i18n.MessageKey;

/** Texts of accounts and sign-in. */
public enum SecurityTexts implements MessageKey {
    TOO_MANY_ATTEMPTS,
    INVALID_CREDENTIALS,
    SIGN_IN_AGAIN,
    REFRESH_TOKEN_INVALID,
    REFRESH_TOKEN_EXPIRED,
    REFRESH_TOKEN_REVOKED,
    REFRESH_TOKEN_REUSED,
    WRONG_CURRENT_PASSWORD,
    WEAK_PASSWORD;

    @Override
    public String key() {
        return "security." + name();
    }
}
