package org.dutygraph.security;

import java.util.List;

/**
 * A local account as the API shows it (never with its password hash). {@code personId}: the person in the
 * organisation graph the account belongs to, if any (staff see their own appraisal through it).
 */
public record Account(String username, List<Role> roles, String unitId, String personId) {}
