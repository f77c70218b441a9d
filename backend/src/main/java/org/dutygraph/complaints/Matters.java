package org.dutygraph.complaints;

import org.dutygraph.platform.graphql.UserError;

/** The matters a complaint may name by id: object concepts (concept ids of the action scheme are not matters). */
final class Matters {

    static UserError unknown(String id) {
        return UserError.of("NOT_FOUND", "没有编号为「" + id + "」的事项，请从事项列表中选择", "input", "target", "matterId");
    }

    private Matters() {
    }
}
