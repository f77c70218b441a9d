package org.dutygraph.security;

import org.dutygraph.platform.i18n.MessageKey;

/** Texts of accounts and sign-in. */
public enum SecurityTexts implements MessageKey {
    TOO_MANY_ATTEMPTS,
    INVALID_CREDENTIALS,
    SIGN_IN_AGAIN;

    @Override
    public String key() {
        return "security." + name();
    }
}
