/** Supervisory chains of confirmed findings and the measures taken against posts on them. */
@ApplicationModule(
        displayName = "Accountability",
        allowedDependencies = {"org::read", "platform::*"})
package org.dutygraph.accountability;

import org.springframework.modulith.ApplicationModule;
