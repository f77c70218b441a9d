/** Anonymous complaints: submission, receipts, routing by the duty graph, case handling, ratings. */
@ApplicationModule(
        displayName = "Complaints",
        allowedDependencies = {
            "conflicts",
            "notifications",
            "notifications::push",
            "org::read",
            "platform::*",
            "security"
        })
package org.dutygraph.complaints;

import org.springframework.modulith.ApplicationModule;
