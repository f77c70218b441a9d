package org.dutygraph.security;

import java.util.List;

/** A local account as the API shows it (never with its password hash). */
public record Account(String username, List<Role> roles, String unitId) {
}
