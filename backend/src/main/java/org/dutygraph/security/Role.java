package org.dutygraph.security;

/** Account roles; the contract's @auth directive names them. Citizens have no account. */
public enum Role {
    ADMIN,
    ANALYST,
    APPRAISER,
    INSPECTOR,
    UNIT_STAFF;

    /** Whether the signed-in caller holds any of these roles. */
    public static boolean held(org.springframework.security.core.Authentication auth, Role... roles) {
        var names = java.util.Arrays.stream(roles).map(r -> "ROLE_" + r.name()).toList();
        return auth.getAuthorities().stream().anyMatch(a -> names.contains(a.getAuthority()));
    }
}
