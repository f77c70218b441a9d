package org.dutygraph.cli;

import org.dutygraph.DutygraphApplication;

/**
 * The jar's entry point. A command ({@code import}, {@code export}, {@code generate}, {@code analyze}, {@code supervise}, {@code backup}, {@code restore}, {@code help},
 * {@code --help}) runs as a command-line tool, without the web server, and exits with its status; no arguments, or
 * Spring settings only ({@code --spring.profiles.active=prod}), start the service; anything else is a usage error.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (SpringSettings.only(args)) {
            DutygraphApplication.main(args);
            return;
        }
        var results = System.out;
        // Only the command's result goes to standard output; anything else printing there (a library) goes to stderr.
        System.setOut(System.err);
        System.exit(Commands.execute(results, System.err, args));
    }
}
