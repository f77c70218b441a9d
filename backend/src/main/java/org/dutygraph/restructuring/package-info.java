/**
 * Restructuring: compare two organisation states (today, a scenario, a bundle file) by their responsibility
 * conflicts, duties and staffing; scenarios drafted as steps on top of the live graph.
 */
@ApplicationModule(
        displayName = "Restructuring",
        allowedDependencies = {"conflicts", "conflicts::findings", "org::bundle", "platform::*", "security"})
package org.dutygraph.restructuring;

import org.springframework.modulith.ApplicationModule;
