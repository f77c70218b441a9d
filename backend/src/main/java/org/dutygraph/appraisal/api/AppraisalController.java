package org.dutygraph.appraisal.api;

import java.util.ArrayList;
import java.util.List;
import org.dutygraph.appraisal.AppraisalExplainer;
import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.AppraisalJobs;
import org.dutygraph.appraisal.AppraisalResults;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.ResultStore.YearResult;
import org.dutygraph.appraisal.engine.Decimals;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.Role;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Appraisal: schemes and inputs (appraisers), recomputation, results (own, a unit's, all). See appraisal.graphqls. */
@Controller
class AppraisalController {

    private final AppraisalSchemes schemes;
    private final AppraisalInputs inputs;
    private final AppraisalJobs jobs;
    private final AppraisalResults results;
    private final AppraisalExplainer explainer;

    AppraisalController(
            AppraisalSchemes schemes,
            AppraisalInputs inputs,
            AppraisalJobs jobs,
            AppraisalResults results,
            AppraisalExplainer explainer) {
        this.schemes = schemes;
        this.inputs = inputs;
        this.jobs = jobs;
        this.results = results;
        this.explainer = explainer;
    }

    record SaveInput(String id, String validFrom, String inForceFrom, Object definition) {}

    record SavePayload(AppraisalSchemes.Version scheme, List<UserError> errors) {}

    record EnterInput(String period, String appraisalPeriod, List<AppraisalInputs.Score> scores) {}

    record EnterPayload(int entered, List<UserError> errors) {}

    record EventInput(String subjectId, String period, String month, String kind, Integer months) {}

    record EventPayload(boolean recorded, String eventId, List<UserError> errors) {}

    record RecomputeInput(int year, Integer waitSeconds) {}

    /** appraisalJob is null exactly when the call was refused: then errors say why and nothing was started. */
    record RecomputePayload(AppraisalJobs.Job appraisalJob, List<UserError> errors) {}

    record RunSummary(int schemes, int subjects, int results, List<Text> ties, long milliseconds) {}

    record PeriodResult(
            String schemeId,
            String subjectId,
            String period,
            int schemeVersion,
            String score,
            String publishedScore,
            String grade,
            int rank,
            String payoutMultiplier,
            List<String> flags,
            boolean assessed) {}

    record BreakdownLine(
            String path, Text label, int depth, String weight, String value, String points, boolean missing) {}

    @QueryMapping
    Connection<AppraisalSchemes.Template> appraisalTemplates(@Argument Integer first, @Argument String after) {
        return Connection.page(
                first,
                after,
                (cursor, limit) -> schemes.templates().stream()
                        .filter(t -> cursor == null || t.id().compareTo(cursor) > 0)
                        .limit(limit)
                        .toList(),
                AppraisalSchemes.Template::id);
    }

    @QueryMapping
    Connection<AppraisalSchemes.Version> appraisalSchemes(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, schemes::page, AppraisalSchemes.Version::key);
    }

    @MutationMapping
    SavePayload saveAppraisalScheme(@Argument SaveInput input) {
        var from = TypedOrString.of("validFrom", input.validFrom(), "inForceFrom", input.inForceFrom());
        if (from.conflicting()) {
            return new SavePayload(null, List.of(from.inputConflict()));
        }
        if (from.value() == null) {
            return new SavePayload(null, List.of(TypedOrString.missing("inForceFrom", "validFrom")));
        }
        var saved = schemes.save(input.id(), input.definition(), from.value(), from.field(), username());
        return new SavePayload(saved.scheme(), saved.errors());
    }

    @MutationMapping
    EnterPayload enterAppraisalScores(@Argument EnterInput input) {
        var period = TypedOrString.of("period", input.period(), "appraisalPeriod", input.appraisalPeriod());
        if (period.conflicting()) {
            return new EnterPayload(0, List.of(period.inputConflict()));
        }
        var errors = inputs.enter(period.value(), period.field(), input.scores(), username());
        return new EnterPayload(errors.isEmpty() ? input.scores().size() : 0, errors);
    }

    @MutationMapping
    EventPayload recordAppraisalEvent(@Argument EventInput input) {
        var month = TypedOrString.of("period", input.period(), "month", input.month());
        if (month.conflicting()) {
            return new EventPayload(false, null, List.of(month.inputConflict()));
        }
        var recorded = inputs.recordAndDeliver(
                input.subjectId(),
                month.value(),
                month.field(),
                input.kind(),
                input.months() == null ? 1 : input.months(),
                "appraiser",
                null,
                username());
        return new EventPayload(recorded.errors().isEmpty(), recorded.id(), recorded.errors());
    }

    @MutationMapping
    RecomputePayload recomputeAppraisal(@Argument RecomputeInput input) {
        var errors = new java.util.ArrayList<UserError>();
        if (input.year() < 2000 || input.year() > 2100) {
            errors.add(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.YEAR_RANGE), "input", "year"));
        }
        int wait = input.waitSeconds() == null ? 30 : input.waitSeconds();
        if (wait < 0 || wait > 120) {
            errors.add(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.WAIT_SECONDS), "input", "waitSeconds"));
        }
        if (!errors.isEmpty()) {
            return new RecomputePayload(null, List.copyOf(errors));
        }
        var job = jobs.submit(input.year());
        return new RecomputePayload(jobs.await(job.id(), java.time.Duration.ofSeconds(wait)), List.of());
    }

    /** The deprecated non-null job: a refused call answers its refusal as an error here, as it did before. */
    @SchemaMapping(typeName = "RecomputeAppraisalPayload")
    AppraisalJobs.Job job(RecomputePayload payload) {
        if (payload.appraisalJob() == null) {
            throw BadInputException.of(payload.errors().get(0));
        }
        return payload.appraisalJob();
    }

    @QueryMapping
    AppraisalJobs.Job appraisalJob(@Argument String id) {
        return jobs.get(id).orElse(null);
    }

    @SchemaMapping(typeName = "AppraisalJob")
    RunSummary summary(AppraisalJobs.Job job) {
        var s = job.summary();
        return s == null ? null : new RunSummary(s.schemes(), s.subjects(), s.results(), s.ties(), s.millis());
    }

    @QueryMapping
    Connection<YearResult> myAppraisal(@Argument int year, @Argument Integer first, @Argument String after) {
        checkYear(year);
        var username = username();
        return Connection.page(
                first, after, (cursor, limit) -> results.mine(username, year, cursor, limit), YearResult::key);
    }

    @QueryMapping
    Connection<YearResult> appraisalResults(
            @Argument String schemeId,
            @Argument int year,
            @Argument Integer first,
            @Argument String after,
            @Argument String subjectId,
            @Argument String unitId,
            @Argument String period,
            @Argument String appraisalPeriod) {
        checkYear(year);
        var given = TypedOrString.of("period", period, "appraisalPeriod", appraisalPeriod);
        var periods = periodsWithin(given.field(), given.argument());
        if (given.value() != null
                && org.dutygraph.appraisal.engine.Period.parse(given.value()).year() != year) {
            throw new BadInputException(given.field(), "OUT_OF_RANGE", Text.of(AppraisalTexts.PERIOD_IN_YEAR, year));
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean all = Role.held(auth, Role.APPRAISER, Role.ADMIN);
        var filter = new AppraisalResults.Filter(schemeId, year, subjectId, unitId, periods);
        return Connection.page(
                first,
                after,
                (cursor, limit) -> results.page(auth.getName(), all, filter, cursor, limit),
                YearResult::key);
    }

    private static org.dutygraph.appraisal.engine.Period period(String argument, String text) {
        try {
            return org.dutygraph.appraisal.engine.Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(argument, "INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT));
        }
    }

    /** The period and the periods within it (a quarter's months; a year: all, null), or null without one. */
    static java.util.Set<String> periodsWithin(String argument, String text) {
        if (text == null) {
            return null;
        }
        var period = period(argument, text);
        var within = new java.util.TreeSet<String>();
        within.add(period.toString());
        for (var kind : List.of(
                org.dutygraph.appraisal.engine.Period.Kind.QUARTER, org.dutygraph.appraisal.engine.Period.Kind.MONTH)) {
            if (kind.compareTo(period.kind()) < 0) {
                period.parts(kind).forEach(p -> within.add(p.toString()));
            }
        }
        return within;
    }

    @SchemaMapping(typeName = "AppraisalResult")
    List<PeriodResult> periods(YearResult all, @Argument String period, @Argument String appraisalPeriod) {
        var given = TypedOrString.of("period", period, "appraisalPeriod", appraisalPeriod);
        var r = all.only(periodsWithin(given.field(), given.argument()));
        var periods = new ArrayList<PeriodResult>();
        for (int i = 0; i < r.periods().size(); i++) {
            var score = new java.math.BigDecimal(r.scores().get(i));
            var flags = r.flags().get(i).isEmpty()
                    ? List.<String>of()
                    : List.of(r.flags().get(i).split("\n"));
            periods.add(new PeriodResult(
                    r.schemeId(),
                    r.subjectId(),
                    r.periods().get(i),
                    r.versions().get(i),
                    score.toPlainString(),
                    Decimals.published(score).toPlainString(),
                    r.grades().get(i),
                    r.ranks().get(i),
                    r.multipliers().get(i),
                    flags,
                    !Scheme.NOT_ASSESSED.equals(r.grades().get(i))));
        }
        return periods;
    }

    @SchemaMapping(typeName = "AppraisalPeriodResult")
    List<BreakdownLine> breakdown(PeriodResult result, @Argument String period, @Argument String appraisalPeriod) {
        var given = TypedOrString.of("period", period, "appraisalPeriod", appraisalPeriod);
        var shown = given.argument();
        // a malformed String is refused as periods(period:) refuses it, not read as "another period"
        if (shown != null && !period(given.field(), shown).toString().equals(result.period())) {
            return List.of();
        }
        return explainer.explain(result.schemeId(), result.subjectId(), result.period()).stream()
                .map(l -> new BreakdownLine(
                        l.path(),
                        l.label(),
                        l.depth(),
                        plain(l.weight()),
                        plain(l.value()),
                        plain(l.points()),
                        l.missing()))
                .toList();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new BadInputException("year", "OUT_OF_RANGE", Text.of(AppraisalTexts.YEAR_RANGE));
        }
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
