package org.dutygraph.platform.graphql.limits;

import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may send documents of their own and who runs only the app's (the persisted-query manifests): anonymous
 * callers when {@code trusted-documents-only-for-anonymous} is set, and signed-in callers all of whose roles are
 * in {@code app-only-roles}. One rule for POST and GET, checked before anything parses the document.
 */
@Component
public class DocumentPolicy {

    private final GraphQlLimits limits;
    private final TrustedDocuments trusted;

    DocumentPolicy(GraphQlLimits limits, TrustedDocuments trusted) {
        this.limits = limits;
        this.trusted = trusted;
    }

    /**
     * Why the current caller may not run this request, or null. {@code query} may be null when only
     * {@code persistedHash} names the document.
     */
    public String refusal(String query, String persistedHash) {
        if (!appOnly()) {
            return null;
        }
        var named = query == null ? trusted.known(persistedHash) : trusted.trusted(query);
        return named ? null : "Only the app's own operations (its persisted-query manifest) may be sent by this caller";
    }

    private boolean appOnly() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return limits.trustedDocumentsOnlyForAnonymous();
        }
        Set<String> appOnly = limits.appOnlyRoles();
        var roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return !appOnly.isEmpty() && !roles.isEmpty() && appOnly.containsAll(roles);
    }
}
