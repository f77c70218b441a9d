package org.dutygraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DutygraphApplication {
    public static void main(String[] args) {
        SpringApplication.run(DutygraphApplication.class, args);
    }
}
