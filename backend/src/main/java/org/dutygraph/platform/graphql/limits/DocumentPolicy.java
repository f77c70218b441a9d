package org.dutygraph.platform.graphql.limits;

import java.util.Set;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
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
    public Text refusal(String query, String persistedHash) {
        if (!appOnly()) {
            return null;
        }
        var named = query == null ? trusted.known(persistedHash) : trusted.trusted(query);
        return named
                ? null
                : Text.of(signedIn() ? PlatformTexts.APP_ONLY_TRUSTED_ONLY : PlatformTexts.ANONYMOUS_TRUSTED_ONLY);
    }

    private static boolean signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private boolean appOnly() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return limits.trustedDocumentsOnlyForAnonymous();
        }
        Set<String> appOnly = limits.appOnlyRoles();
        var roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .toList();
        return !appOnly.isEmpty() && !roles.isEmpty() && appOnly.containsAll(roles);
    }
}
