package org.dutygraph.platform.graphql;

import org.dutygraph.platform.i18n.Text;

/** The caller may not call a field: not signed in (UNAUTHENTICATED) or lacking a role (FORBIDDEN). */
public class NotAuthorizedException extends RuntimeException {

    private final boolean authenticated;
    private final Text text;

    public NotAuthorizedException(boolean authenticated, Text text) {
        super(text.toString());
        this.authenticated = authenticated;
        this.text = text;
    }

    public Text text() {
        return text;
    }

    public String code() {
        return authenticated ? "FORBIDDEN" : "UNAUTHENTICATED";
    }
}
