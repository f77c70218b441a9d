package org.dutygraph.archfixtures.driver;

import org.neo4j.driver.Driver;

/** A service that opens its own session instead of asking a store: what the driver rule forbids. */
public class RogueService {

    private final Driver driver;

    public RogueService(Driver driver) {
        this.driver = driver;
    }

    public void touch() {
        try (var session = driver.session()) {
            session.run("RETURN 1").consume();
        }
    }
}
