package org.dutygraph.appraisal.api;

import java.util.List;
import org.dutygraph.appraisal.AppraisalInputLog;
import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.CursorParent;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Reading back what appraisers entered, withdrawing events, ending schemes. See appraisal.graphqls. */
@Controller
class AppraisalInputController {

    private final AppraisalInputLog log;
    private final AppraisalInputs inputs;
    private final AppraisalSchemes schemes;

    AppraisalInputController(AppraisalInputLog log, AppraisalInputs inputs, AppraisalSchemes schemes) {
        this.log = log;
        this.inputs = inputs;
        this.schemes = schemes;
    }

    /** Its log's cursors page the same sheet whether it was asked for by period or appraisalPeriod. */
    record InputSheet(String subjectId, Period period) implements CursorParent {
        @Override
        public String cursorParent() {
            return subjectId + " " + period;
        }
    }

    record WithdrawInput(String id, String reason) {}

    record WithdrawPayload(boolean withdrawn, List<UserError> errors) {}

    record EndInput(String id, String from, String fromMonth) {}

    @QueryMapping
    InputSheet appraisalInputs(@Argument String subjectId, @Argument String period, @Argument String appraisalPeriod) {
        var given = TypedOrString.of("period", period, "appraisalPeriod", appraisalPeriod);
        try {
            return new InputSheet(subjectId, Period.parse(given.argument()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(given.field(), "INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT));
        }
    }

    @SchemaMapping(typeName = "AppraisalInputSheet")
    String period(InputSheet sheet) {
        return sheet.period().toString();
    }

    @SchemaMapping(typeName = "AppraisalInputSheet")
    List<AppraisalInputLog.Score> scores(InputSheet sheet) {
        return log.scores(sheet.subjectId(), sheet.period());
    }

    @SchemaMapping(typeName = "AppraisalInputSheet")
    Connection<AppraisalInputLog.Entry> log(InputSheet sheet, @Argument Integer first, @Argument String after) {
        return Connection.page(
                first,
                after,
                (cursor, limit) -> log.entries(sheet.subjectId(), sheet.period(), cursor, limit),
                AppraisalInputLog.Entry::key);
    }

    @SchemaMapping(typeName = "AppraisalInputSheet")
    List<AppraisalInputLog.Event> events(InputSheet sheet) {
        return log.events(sheet.subjectId(), sheet.period());
    }

    @MutationMapping
    WithdrawPayload withdrawAppraisalEvent(@Argument WithdrawInput input) {
        var errors = inputs.withdrawEvent(input.id(), input.reason(), username());
        return new WithdrawPayload(errors.isEmpty(), errors);
    }

    @MutationMapping
    AppraisalController.SavePayload endAppraisalScheme(@Argument EndInput input) {
        var from = TypedOrString.of("from", input.from(), "fromMonth", input.fromMonth());
        if (from.conflicting()) {
            return new AppraisalController.SavePayload(null, List.of(from.inputConflict()));
        }
        var ended = schemes.end(input.id(), from.value(), from.field(), username());
        return new AppraisalController.SavePayload(ended.scheme(), ended.errors());
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
