package org.dutygraph.appraisal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.AppraisalJobs;
import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.AppraisalStore;
import org.dutygraph.appraisal.AppraisalStore.YearResult;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.engine.Decimals;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.neo4j.driver.Driver;
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
    private final AppraisalStore store;
    private final AccountService accounts;
    private final Driver driver;
    private final org.dutygraph.appraisal.AppraisalExplainer explainer;
    private final java.time.Clock clock;

    AppraisalController(AppraisalSchemes schemes, AppraisalInputs inputs, AppraisalJobs jobs, AppraisalStore store,
                        AccountService accounts, Driver driver, org.dutygraph.appraisal.AppraisalExplainer explainer,
                        java.time.Clock clock) {
        this.explainer = explainer;
        this.clock = clock;
        this.schemes = schemes;
        this.inputs = inputs;
        this.jobs = jobs;
        this.store = store;
        this.accounts = accounts;
        this.driver = driver;
    }

    record SaveInput(String id, String validFrom, Object definition) {
    }

    record SavePayload(AppraisalSchemes.Version scheme, List<UserError> errors) {
    }

    record EnterInput(String period, List<AppraisalInputs.Score> scores) {
    }

    record EnterPayload(int entered, List<UserError> errors) {
    }

    record EventInput(String subjectId, String period, String kind, Integer months) {
    }

    record EventPayload(boolean recorded, String eventId, List<UserError> errors) {
    }

    record RecomputeInput(int year, Integer waitSeconds) {
    }

    record RecomputePayload(AppraisalJobs.Job job) {
    }

    record RunSummary(int schemes, int subjects, int results, List<Text> ties, long milliseconds) {
    }

    record PeriodResult(String schemeId, String subjectId, String period, int schemeVersion, String score,
                        String publishedScore, String grade, int rank, String payoutMultiplier, List<String> flags, boolean assessed) {
    }

    record BreakdownLine(String path, Text label, int depth, String weight, String value, String points, boolean missing) {
    }

    @QueryMapping
    Connection<AppraisalSchemes.Template> appraisalTemplates(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, (cursor, limit) -> schemes.templates().stream()
                .filter(t -> cursor == null || t.id().compareTo(cursor) > 0).limit(limit).toList(), AppraisalSchemes.Template::id);
    }

    @QueryMapping
    Connection<AppraisalSchemes.Version> appraisalSchemes(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, schemes::page, AppraisalSchemes.Version::key);
    }

    @MutationMapping
    SavePayload saveAppraisalScheme(@Argument SaveInput input) {
        var saved = schemes.save(input.id(), input.definition(), input.validFrom(), username());
        return new SavePayload(saved.scheme(), saved.errors());
    }

    @MutationMapping
    EnterPayload enterAppraisalScores(@Argument EnterInput input) {
        var errors = inputs.enter(input.period(), input.scores(), username());
        return new EnterPayload(errors.isEmpty() ? input.scores().size() : 0, errors);
    }

    @MutationMapping
    EventPayload recordAppraisalEvent(@Argument EventInput input) {
        var recorded = inputs.record(input.subjectId(), input.period(), input.kind(),
                input.months() == null ? 1 : input.months(), "appraiser", null, username());
        return new EventPayload(recorded.errors().isEmpty(), recorded.id(), recorded.errors());
    }

    @MutationMapping
    RecomputePayload recomputeAppraisal(@Argument RecomputeInput input) {
        checkYear(input.year());
        int wait = input.waitSeconds() == null ? 30 : input.waitSeconds();
        if (wait < 0 || wait > 120) {
            throw new BadInputException("waitSeconds", "OUT_OF_RANGE", Text.of(AppraisalTexts.WAIT_SECONDS));
        }
        var job = jobs.submit(input.year());
        return new RecomputePayload(jobs.await(job.id(), java.time.Duration.ofSeconds(wait)));
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
        var person = accounts.find(username()).map(Account::personId).orElse(null);
        return Connection.page(first, after, (cursor, limit) -> person == null ? List.<YearResult>of()
                : store.ofSubject(person, year).stream().filter(r -> cursor == null || r.key().compareTo(cursor) > 0)
                .limit(limit).toList(), YearResult::key);
    }

    @QueryMapping
    Connection<YearResult> appraisalResults(@Argument String schemeId, @Argument int year, @Argument Integer first,
                                            @Argument String after, @Argument String subjectId, @Argument String unitId,
                                            @Argument String period) {
        checkYear(year);
        var periods = periodsWithin("period", period);
        if (period != null && org.dutygraph.appraisal.engine.Period.parse(period).year() != year) {
            throw new BadInputException("period", "OUT_OF_RANGE", Text.of(AppraisalTexts.PERIOD_IN_YEAR, year));
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean all = Role.held(auth, Role.APPRAISER, Role.ADMIN);
        List<String> subjects = all ? null : ledSubjects(accounts.find(auth.getName()).orElse(null));
        if (subjectId != null) {
            subjects = subjects == null || subjects.contains(subjectId) ? List.of(subjectId) : List.of();
        }
        if (unitId != null) {
            var under = subtree(unitId);
            var set = new java.util.HashSet<>(under);
            subjects = subjects == null ? under : subjects.stream().filter(set::contains).toList();
        }
        var filter = subjects;
        return Connection.page(first, after, (cursor, limit) -> store.ofScheme(schemeId, year, filter, periods, cursor, limit)
                .stream().map(r -> r.only(periods)).toList(), YearResult::key);
    }

    /** The period and the periods within it (a quarter's months; a year: all, null), or null without one. */
    static java.util.Set<String> periodsWithin(String argument, String text) {
        if (text == null) {
            return null;
        }
        org.dutygraph.appraisal.engine.Period period;
        try {
            period = org.dutygraph.appraisal.engine.Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(argument, "INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT));
        }
        var within = new java.util.TreeSet<String>();
        within.add(period.toString());
        for (var kind : List.of(org.dutygraph.appraisal.engine.Period.Kind.QUARTER, org.dutygraph.appraisal.engine.Period.Kind.MONTH)) {
            if (kind.compareTo(period.kind()) < 0) {
                period.parts(kind).forEach(p -> within.add(p.toString()));
            }
        }
        return within;
    }

    /** A unit, the units under it and the people holding posts there now. */
    private List<String> subtree(String unitId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (top:Organization {id: $unit}) MATCH (u:Organization)-[:PART_OF*0..]->(top)
                    OPTIONAL MATCH (p:Person)-[m:HOLDS]->(:Post)-[:IN_ORG]->(u) WHERE m.endDate IS NULL OR m.endDate >= $today
                    WITH collect(DISTINCT u.id) + collect(DISTINCT p.id) AS ids RETURN ids""",
                    Map.of("unit", unitId, "today", java.time.LocalDate.now(clock).toString())).list(r -> r.get("ids")
                    .asList(org.neo4j.driver.Value::asString)).stream().findFirst().orElse(List.of()));
        }
    }

    /** Units under the ones the account's person leads, and the people holding posts there; nothing for others. */
    private List<String> ledSubjects(Account account) {
        if (account == null || account.personId() == null) {
            return List.of();
        }
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (:Person {id: $person})-[h:HOLDS]->(lead:Post)-[:IN_ORG]->(top:Organization)
                    WHERE lead.role IN ['principal', 'deputy', 'head', 'deputy_head'] AND (h.endDate IS NULL OR h.endDate >= $today)
                    MATCH (u:Organization)-[:PART_OF*0..]->(top)
                    OPTIONAL MATCH (p:Person)-[m:HOLDS]->(:Post)-[:IN_ORG]->(u) WHERE m.endDate IS NULL OR m.endDate >= $today
                    WITH collect(DISTINCT u.id) + collect(DISTINCT p.id) AS ids RETURN ids""",
                    Map.of("person", account.personId(), "today", java.time.LocalDate.now(clock).toString())).single().get("ids")
                    .asList(org.neo4j.driver.Value::asString));
        }
    }

    @SchemaMapping(typeName = "AppraisalResult")
    List<PeriodResult> periods(YearResult all, @Argument String period) {
        var r = all.only(periodsWithin("period", period));
        var periods = new ArrayList<PeriodResult>();
        for (int i = 0; i < r.periods().size(); i++) {
            var score = new java.math.BigDecimal(r.scores().get(i));
            var flags = r.flags().get(i).isEmpty() ? List.<String>of() : List.of(r.flags().get(i).split("\n"));
            periods.add(new PeriodResult(r.schemeId(), r.subjectId(), r.periods().get(i), r.versions().get(i), score.toPlainString(),
                    Decimals.published(score).toPlainString(), r.grades().get(i), r.ranks().get(i), r.multipliers().get(i), flags,
                    !Scheme.NOT_ASSESSED.equals(r.grades().get(i))));
        }
        return periods;
    }

    @SchemaMapping(typeName = "AppraisalPeriodResult")
    List<BreakdownLine> breakdown(PeriodResult result, @Argument String period) {
        if (period != null && !period.strip().equals(result.period())) {
            return List.of();
        }
        return explainer.explain(result.schemeId(), result.subjectId(), result.period()).stream()
                .map(l -> new BreakdownLine(l.path(), l.label(), l.depth(), plain(l.weight()), plain(l.value()),
                        plain(l.points()), l.missing())).toList();
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
