/**
 * Appraisal schemes as data, scores, recomputation, results and citizen rankings. Learns of concluded complaints
 * and confirmed findings through their events.
 */
@ApplicationModule(displayName = "Appraisal", allowedDependencies = { "complaints", "inspections", "org::read",
        "platform::*", "security" })
package org.dutygraph.appraisal;

import org.springframework.modulith.ApplicationModule;
