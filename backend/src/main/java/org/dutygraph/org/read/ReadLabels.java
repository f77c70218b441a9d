package org.dutygraph.org.read;

import java.util.Set;
import org.dutygraph.platform.neo4j.CommitFilter;

/**
 * The labels and relationship types the read API's queries read (checked against their Cypher by {@code
 * ReadLabelsTest}): a commit changing none of them (a push sent, a lease renewed, a complaint filed) cannot change a
 * row they return, so rows remembered before it stay the database's answer.
 */
final class ReadLabels {

    static final Set<String> NODES = Set.of("Area", "Concept", "Organization", "Post", "PowerItem", "Duty", "Person");

    static final Set<String> RELATIONSHIPS = Set.of(
            "WITHIN",
            "BROADER",
            "PART_OF",
            "IN_AREA",
            "IN_ORG",
            "BACKED_UP_BY",
            "REPORTS_TO",
            "HOLDS",
            "SUPERVISES",
            "HELD_BY",
            "ACTION",
            "ON_OBJECT",
            "EXERCISES");

    static final CommitFilter FILTER = new CommitFilter(NODES, Set.of(), RELATIONSHIPS);

    private ReadLabels() {}
}
