/** The command line on top of everything: import, export, generate, analyze, supervise. Nothing depends on it. */
@ApplicationModule(displayName = "Command line", allowedDependencies = { "conflicts", "conflicts::findings",
        "org::bundle", "org::generator", "platform::calendar", "supervision", "supervision::events", "supervision::signals" })
package org.dutygraph.cli;

import org.springframework.modulith.ApplicationModule;
