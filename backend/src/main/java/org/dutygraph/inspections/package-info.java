/** Spot checks: plans, random draws, offline sync, findings, rectification and return visits. */
@ApplicationModule(
        displayName = "Inspections",
        allowedDependencies = {"accountability", "notifications", "org::read", "platform::*", "security"})
package org.dutygraph.inspections;

import org.springframework.modulith.ApplicationModule;
