package org.dutygraph.cli;

import java.util.List;
import org.dutygraph.DutygraphApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for a command that works on the database. */
final class CommandApplication {

    private static final List<String> DEFAULTS = List.of(
            "--spring.main.banner-mode=off",
            "--logging.config=classpath:org/dutygraph/cli/logback-commands.xml",
            "--dutygraph.demo.load=false");

    private CommandApplication() {}

    /**
     * Settings given by the user replace the defaults (the command's after the common ones); those the command
     * insists on ({@code forced}) replace both.
     */
    static ConfigurableApplicationContext start(List<String> defaults, List<String> given, List<String> forced) {
        return new SpringApplicationBuilder(DutygraphApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(SpringSettings.merge(DEFAULTS, defaults, given, forced).toArray(String[]::new));
    }
}
