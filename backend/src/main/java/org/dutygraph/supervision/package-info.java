/**
 * Electronic supervision (电子监察): case events from service-hall and approval systems, time-limit and fee
 * signals against the power list's limits, and the red card as an event other features can act on.
 */
@ApplicationModule(
        displayName = "Supervision",
        allowedDependencies = {"accountability", "notifications", "org::bundle", "org::read", "platform::*", "security"
        })
package org.dutygraph.supervision;

import org.springframework.modulith.ApplicationModule;
