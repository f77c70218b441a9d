package org.dutygraph.complaints;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dutygraph.platform.graphql.UserError;
import org.neo4j.driver.TransactionContext;

/** The matters a complaint may name by id: object concepts (concept ids of the action scheme are not matters). */
final class Matters {

    static Set<String> known(TransactionContext tx, List<String> ids) {
        var given = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (given.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.run("MATCH (m:Concept) WHERE m.id IN $ids AND m.scheme = 'object' RETURN m.id AS id",
                Map.of("ids", given)).list(r -> r.get("id").asString()));
    }

    static UserError unknown(String id) {
        return UserError.of("NOT_FOUND", "没有编号为「" + id + "」的事项，请从事项列表中选择", "input", "target", "matterId");
    }

    private Matters() {
    }
}
