package org.dutygraph.cases.api;

import java.util.List;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.cases.MeasureCases;
import org.dutygraph.platform.graphql.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code recordAccountabilityMeasure} (declared with inspections in the schema, its contract unchanged) answered by
 * cases, which may use inspections; inspections may not use cases (cases learn of findings from it).
 */
@Controller
class MeasureCasesController {

    record MeasureInput(
            String findingId,
            String postId,
            String measure,
            String note,
            Boolean wideAdverseEffect,
            Boolean seriousHarm) {}

    record MeasurePayload(AccountabilityChains.Chain chain, List<UserError> errors) {}

    private final MeasureCases measures;
    private final CaseCallers callers;

    MeasureCasesController(MeasureCases measures, CaseCallers callers) {
        this.measures = measures;
        this.callers = callers;
    }

    @MutationMapping
    MeasurePayload recordAccountabilityMeasure(@Argument MeasureInput input) {
        var result = measures.record(
                callers.inspectionCaller(),
                input.findingId(),
                input.postId(),
                input.measure(),
                input.note(),
                Boolean.TRUE.equals(input.wideAdverseEffect()),
                Boolean.TRUE.equals(input.seriousHarm()));
        return new MeasurePayload(result.chain(), result.errors());
    }
}
