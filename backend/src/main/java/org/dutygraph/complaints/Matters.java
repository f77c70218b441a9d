package org.dutygraph.complaints;

import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;

/** The matters a complaint may name by id: object concepts (concept ids of the action scheme are not matters). */
final class Matters {

    static UserError unknown(String id) {
        return UserError.of("NOT_FOUND", Text.of(ComplaintTexts.UNKNOWN_MATTER, id), "input", "target", "matterId");
    }

    private Matters() {}
}
