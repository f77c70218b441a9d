package org.dutygraph.cases;

/** The signed-in caller as cases see them: the unit and person of their account (read from the account, not the token). */
public record CaseCaller(String username, String unitId, String personId, boolean inspector) {}
