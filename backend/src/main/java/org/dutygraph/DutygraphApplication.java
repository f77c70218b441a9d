package org.dutygraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The service. The jar starts through {@code cli.Launcher}, which runs this unless a command is given. */
@SpringBootApplication
public class DutygraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(DutygraphApplication.class, args);
    }
}
