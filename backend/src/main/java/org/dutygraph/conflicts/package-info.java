/** Responsibility conflicts found in the organisation graph: overlaps, gaps, role conflicts, load. */
@ApplicationModule(
        displayName = "Conflicts",
        allowedDependencies = {"org::bundle", "org::read", "platform::*", "security"})
package org.dutygraph.conflicts;

import org.springframework.modulith.ApplicationModule;
