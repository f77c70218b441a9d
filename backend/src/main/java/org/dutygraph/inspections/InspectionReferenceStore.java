package org.dutygraph.inspections;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Which of the units and posts an input names exist, to refuse the others by name. */
@Component
class InspectionReferenceStore {

    private final Neo4jClient neo4j;

    InspectionReferenceStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Set<String> units(Collection<String> ids) {
        return known("MATCH (n:Organization) WHERE n.id IN $ids RETURN n.id AS id", ids);
    }

    Set<String> posts(Collection<String> ids) {
        return known("MATCH (n:Post) WHERE n.id IN $ids RETURN n.id AS id", ids);
    }

    private Set<String> known(String cypher, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(neo4j.query(cypher)
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(String.class)
                .all());
    }
}
