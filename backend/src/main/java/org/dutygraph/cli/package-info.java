/** The command line on top of everything: import, export, generate, analyze, compare. Nothing depends on it. */
@ApplicationModule(displayName = "Command line", allowedDependencies = { "conflicts", "conflicts::findings",
        "org::bundle", "org::generator", "platform::i18n", "restructuring" })
package org.dutygraph.cli;

import org.springframework.modulith.ApplicationModule;
