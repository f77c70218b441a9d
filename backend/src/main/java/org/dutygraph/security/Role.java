package org.dutygraph.security;

/** Account roles; the contract's @auth directive names them. Citizens have no account. */
public enum Role {
    ADMIN, ANALYST, APPRAISER, INSPECTOR, UNIT_STAFF
}
