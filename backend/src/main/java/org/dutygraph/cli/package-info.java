/** The command line on top of everything: import, export, generate, analyze, compare, supervise, backup, restore. Nothing depends on it. */
@ApplicationModule(
        displayName = "Command line",
        allowedDependencies = {
            "conflicts",
            "conflicts::findings",
            "org::bundle",
            "org::generator",
            "platform::calendar",
            "platform::i18n",
            "platform::neo4j",
            "restructuring",
            "supervision",
            "supervision::signals"
        })
package org.dutygraph.cli;

import org.springframework.modulith.ApplicationModule;
