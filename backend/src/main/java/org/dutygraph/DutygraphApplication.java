package org.dutygraph;

import org.dutygraph.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DutygraphApplication {

    public static void main(String[] args) throws Exception {
        if (CommandLine.handles(args)) {
            System.exit(new CommandLine(System.out).run(args));
        }
        SpringApplication.run(DutygraphApplication.class, args);
    }
}
