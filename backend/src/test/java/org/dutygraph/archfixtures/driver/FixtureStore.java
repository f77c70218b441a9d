package org.dutygraph.archfixtures.driver;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** A store: the one kind of class that may hold the driver and read records, nested types included. */
public class FixtureStore {

    private final Driver driver;

    public FixtureStore(Driver driver) {
        this.driver = driver;
    }

    record Row(String id) {

        static Row of(Record record) {
            return new Row(record.get("id").asString());
        }
    }
}
