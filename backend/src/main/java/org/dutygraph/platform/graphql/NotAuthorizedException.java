package org.dutygraph.platform.graphql;

/** The caller may not call a field: not signed in (UNAUTHENTICATED) or lacking a role (FORBIDDEN). */
public class NotAuthorizedException extends RuntimeException {

    private final boolean authenticated;

    public NotAuthorizedException(boolean authenticated, String message) {
        super(message);
        this.authenticated = authenticated;
    }

    public String code() {
        return authenticated ? "FORBIDDEN" : "UNAUTHENTICATED";
    }
}
