package org.dutygraph.inspections.api;

import org.dutygraph.inspections.InspectionViews.DrawExclusion;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Why a draw left an inspector out, as the schema's enum beside the deprecated String field of the same value. */
@Controller
class DrawExclusionCauses {

    @SchemaMapping(typeName = "DrawExclusion", field = "cause")
    String cause(DrawExclusion exclusion) {
        return exclusion.reason();
    }
}
