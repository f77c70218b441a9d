/**
 * Accountability (问责) as a case: the situation catalogue as versioned data, cases opened by hand or from other
 * features' events (substantiated complaints, confirmed spot-check findings, e-supervision red cards), their
 * procedure from registration to closure, and who may see them. Learns of complaints and findings through their events; traces chains through
 * accountability.
 */
@ApplicationModule(
        displayName = "Accountability cases",
        allowedDependencies = {
            "accountability",
            "complaints",
            "inspections",
            "notifications",
            "org::read",
            "platform::*",
            "security",
            "supervision"
        })
package org.dutygraph.cases;

import org.springframework.modulith.ApplicationModule;
