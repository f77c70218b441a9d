/** The command line on top of everything: import, export, generate, analyze. Nothing depends on it. */
@ApplicationModule(displayName = "Command line", allowedDependencies = { "conflicts", "conflicts::findings",
        "org::bundle", "org::generator" })
package org.dutygraph.cli;

import org.springframework.modulith.ApplicationModule;
