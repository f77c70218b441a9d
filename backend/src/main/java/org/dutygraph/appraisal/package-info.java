/**
 * Appraisal schemes as data, scores, recomputation, results and citizen rankings. Learns of concluded complaints
 * and confirmed findings and decided accountability cases through their events; reads electronic supervision's monthly figures as inputs.
 */
@ApplicationModule(
        displayName = "Appraisal",
        allowedDependencies = {
            "cases",
            "complaints",
            "inspections",
            "org::read",
            "platform::*",
            "security",
            "supervision"
        })
package org.dutygraph.appraisal;

import org.springframework.modulith.ApplicationModule;
