package org.dutygraph.org.bundle;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Component;

/** Looks up ids a bundle refers to but does not contain, among stored nodes. */
@Component
class ExistingIdsStore implements ExistingIds {

    private static final Set<String> LABELS = Set.of("Area", "Concept", "Organization", "Post", "Person", "PowerItem");

    private final Driver driver;

    ExistingIdsStore(Driver driver) {
        this.driver = driver;
    }

    @Override
    public Set<String> find(String label, Collection<String> ids) {
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("Not a bundle label: " + label);
        }
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var found = new HashSet<String>();
                tx.run("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS id", Map.of("ids", ids))
                        .forEachRemaining(r -> found.add(r.get("id").asString()));
                return found;
            });
        }
    }

    @Override
    public Map<String, String> conceptSchemes(Collection<String> ids) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var found = new HashMap<String, String>();
                tx.run("MATCH (n:Concept) WHERE n.id IN $ids RETURN n.id AS id, n.scheme AS scheme", Map.of("ids", ids))
                        .forEachRemaining(r -> found.put(
                                r.get("id").asString(), r.get("scheme").asString(null)));
                return found;
            });
        }
    }
}
