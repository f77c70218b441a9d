package org.dutygraph.archfixtures.driver;

import org.neo4j.driver.Driver;

/** Uses the driver like RogueService, but stands on the fixture's legacy list. */
public class LegacyService {

    private final Driver driver;

    public LegacyService(Driver driver) {
        this.driver = driver;
    }
}
