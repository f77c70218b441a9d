/** Accounts, roles, tokens and sign-in: below every feature, above the platform only. */
@ApplicationModule(displayName = "Security", allowedDependencies = "platform::*")
package org.dutygraph.security;

import org.springframework.modulith.ApplicationModule;
