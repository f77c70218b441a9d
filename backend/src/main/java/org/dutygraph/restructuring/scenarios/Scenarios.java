package org.dutygraph.restructuring.scenarios;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dutygraph.conflicts.BundleAnalysis;
import org.dutygraph.conflicts.FindingStore;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.org.bundle.BundleDocument;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.BundleValidator;
import org.dutygraph.org.bundle.ExistingIds;
import org.dutygraph.org.bundle.ImportJob;
import org.dutygraph.org.bundle.ImportScope;
import org.dutygraph.org.bundle.Problems;
import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.graphql.NotFoundException;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.restructuring.OrgComparer;
import org.dutygraph.restructuring.OrgComparison;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.stereotype.Service;

/**
 * Restructuring scenarios: drafts of steps on top of the live graph (or another scenario), replayed on a copy in
 * memory for every read, so the live graph is never touched and changes to it show through. Owners change a
 * scenario; those it is shared with read, analyse and compare it.
 */
@Service
public class Scenarios {

    /** A scenario's organisation: the target bundle, steps that no longer apply, and duties left without a holder. */
    public record State(Bundle bundle, List<StepProblem> problems, List<StepProblem> warnings) {}

    public record Analysis(OrgComparison.State state, long millis) {}

    public record Outcome(Scenario scenario, List<StepProblem> errors, List<StepProblem> warnings) {}

    private final ScenarioStore store;
    private final FindingStore findings;
    private final BundleImportService imports;
    private final LiveOrg live;
    private final BundleAnalysis analysis;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final Clock clock;
    private final AccountService accounts;

    /** Most usernames a scenario is shared with at once. */
    static final int MAX_SHARED = 100;

    Scenarios(
            ScenarioStore store,
            FindingStore findings,
            BundleImportService imports,
            LiveOrg live,
            BundleAnalysis analysis,
            GraphTransactions graph,
            LockStore locks,
            Clock clock,
            AccountService accounts) {
        this.store = store;
        this.findings = findings;
        this.imports = imports;
        this.live = live;
        this.analysis = analysis;
        this.graph = graph;
        this.locks = locks;
        this.clock = clock;
        this.accounts = accounts;
    }

    public Outcome create(String name, String baseScenarioId, String user) {
        if (name == null || name.isBlank() || name.length() > 200) {
            return failed(ScenarioTexts.INVALID_NAME.at(List.of("input", "name")));
        }
        return graph.write(() -> {
            if (baseScenarioId != null) visible(baseScenarioId, user, "baseScenarioId");
            var s = new Scenario(
                    UUID.randomUUID().toString(),
                    name.strip(),
                    user,
                    List.of(),
                    baseScenarioId,
                    store.currentVersion(),
                    now(),
                    List.of(),
                    null);
            store.create(s);
            return new Outcome(s, List.of(), List.of());
        });
    }

    public Outcome addStep(String id, ScenarioStep step, String user) {
        return graph.write(() -> {
            locks.node("Scenario", id);
            if (store.find(id).isEmpty()) return missing(id, "scenarioId");
            var s = owned(id, user);
            var replay = replay(s);
            var errors = StepApplier.apply(replay.draft(), step, List.of("input", "step"));
            if (errors.isEmpty()) errors = bundleRules(replay.draft().bundle());
            if (!errors.isEmpty()) return new Outcome(s, errors, List.of());
            store.appendStep(id, step, user, now());
            return new Outcome(
                    store.find(id).orElseThrow(), List.of(), replay.draft().dutiesWithoutHolder());
        });
    }

    public Outcome undo(String id, String user) {
        return graph.write(() -> {
            locks.node("Scenario", id);
            if (store.find(id).isEmpty()) return missing(id, "id");
            var s = owned(id, user);
            if (s.steps().isEmpty())
                return new Outcome(s, List.of(ScenarioTexts.NO_STEPS.at(List.of("input", "id"), id)), List.of());
            store.dropLastStep(id);
            return new Outcome(store.find(id).orElseThrow(), List.of(), List.of());
        });
    }

    public Outcome share(String id, List<String> usernames, String user) {
        return graph.write(() -> {
            locks.node("Scenario", id);
            if (store.find(id).isEmpty()) return missing(id, "id");
            var s = owned(id, user);
            var problems = shareProblems(usernames);
            if (!problems.isEmpty()) return new Outcome(s, problems, List.of());
            store.share(
                    id, usernames.stream().filter(u -> !u.equals(user)).sorted().toList());
            return new Outcome(store.find(id).orElseThrow(), List.of(), List.of());
        });
    }

    /**
     * The scenario if the user may see it; null if there is none; FORBIDDEN if it is not theirs nor shared, or if a
     * scenario it is built on is not (any more): a scenario replays its bases on every read, so reading it reads them.
     */
    public Scenario find(String id, String user) {
        return graph.read(() -> {
            var s = store.find(id).orElse(null);
            if (s != null) checkVisible(s, user);
            return s;
        });
    }

    /** The scenarios the user may see, bases included, in id order after {@code afterId}. */
    public List<Scenario> list(String user, String afterId, int limit) {
        return graph.read(() -> {
            var page = new ArrayList<Scenario>();
            var cursor = afterId;
            while (page.size() < limit) {
                var batch = store.visibleTo(user, cursor, limit);
                for (var s : batch) {
                    if (page.size() < limit && basesVisible(s, user)) page.add(s);
                }
                if (batch.size() < limit) break;
                cursor = batch.get(batch.size() - 1).id();
            }
            return page;
        });
    }

    private void checkVisible(Scenario s, String user) {
        for (var below = s; below != null; below = base(below)) {
            if (!below.visibleTo(user))
                throw new NotAuthorizedException(true, Text.of(ScenarioTexts.NOT_VISIBLE, below.id()));
        }
    }

    private boolean basesVisible(Scenario s, String user) {
        for (var below = base(s); below != null; below = base(below)) {
            if (!below.visibleTo(user)) return false;
        }
        return true;
    }

    private Scenario base(Scenario s) {
        return s.baseScenarioId() == null
                ? null
                : store.find(s.baseScenarioId()).orElse(null);
    }

    public List<OrgChange> changedSince(Scenario s) {
        return graph.read(() -> store.changesSince(s.baseVersion()));
    }

    public State state(Scenario s) {
        var replay = graph.read(() -> replay(s));
        return new State(
                replay.draft().bundle(), replay.problems(), replay.draft().dutiesWithoutHolder());
    }

    /** The analysis of a scenario, or of today when {@code scenario} is null. */
    public Analysis analyse(Scenario scenario) {
        var bundle =
                scenario == null ? graph.read(live::today) : state(scenario).bundle();
        var started = System.nanoTime();
        List<Finding> findings = analysis.analyze(bundle, today());
        var millis = (System.nanoTime() - started) / 1_000_000;
        return new Analysis(OrgComparer.state(bundle, findings), millis);
    }

    /** Compares two of {today (null), a scenario}, each checked visible to the user. */
    public OrgComparison compare(String beforeId, String afterId, String user) {
        var before = analyse(beforeId == null ? null : visible(beforeId, user, "beforeId"));
        var after = analyse(afterId == null ? null : visible(afterId, user, "afterId"));
        return OrgComparer.compare(before.state(), after.state(), today());
    }

    /** @param today the live graph the steps were replayed on (below any base scenarios) */
    private record Replay(Bundle today, OrgDraft draft, List<StepProblem> problems) {}

    private Replay replay(Scenario s) {
        var today = s.baseScenarioId() == null ? live.today() : null;
        var base = today;
        if (s.baseScenarioId() != null) {
            var below = replay(store.find(s.baseScenarioId()).orElseThrow());
            today = below.today();
            base = below.draft().bundle();
        }
        var draft = new OrgDraft(base, today());
        var problems = new ArrayList<StepProblem>();
        for (int i = 0; i < s.steps().size(); i++) {
            problems.addAll(StepApplier.apply(draft, s.steps().get(i).step(), List.of("steps", String.valueOf(i))));
        }
        return new Replay(today, draft, problems);
    }

    /**
     * The scenario's organisation as a whole org-bundle/1 document: today's graph (or the base scenario's state) with
     * the steps replayed on it, the ids of surviving units, posts, duties and power items kept.
     */
    public java.util.Map<String, Object> targetBundle(Scenario s) {
        return targetDocument(s, state(s).bundle());
    }

    private java.util.Map<String, Object> targetDocument(Scenario s, Bundle target) {
        return BundleDocument.of(target, new Bundle.Source("scenario " + s.name(), today().toString()));
    }

    /** What the scenario changes in today's graph, as an org-bundle/1 document (see {@link ChangeBundle}). */
    public java.util.Map<String, Object> changeBundle(Scenario s) {
        var replay = graph.read(() -> replay(s));
        return ChangeBundle.of(replay.today(), replay.draft().bundle(), "scenario " + s.name());
    }

    public record Applied(Scenario scenario, ImportJob job, int triageCarried, List<StepProblem> errors) {}

    /**
     * Makes the scenario the live graph: its target bundle imported as the whole state in one import job (recorded
     * with who applied it), so that supervision lines the scenario ends end too, after the triage of findings that
     * persist under new ids was carried over to those ids. Refused when an import came in since the replay.
     */
    public Applied apply(String id, String user) {
        if (graph.read(() -> store.find(id)).isEmpty()) {
            return new Applied(null, null, 0, List.of(ScenarioTexts.NOT_FOUND.at(List.of("input", "id"), id)));
        }
        var s = graph.read(() -> owned(id, user));
        var basis = graph.read(store::currentVersionKey);
        var replay = graph.read(() -> replay(s));
        if (!replay.problems().isEmpty()) {
            return new Applied(
                    s,
                    null,
                    0,
                    List.of(ScenarioTexts.STEPS_NO_LONGER_APPLY.at(
                            List.of("input", "id"), replay.problems().size())));
        }
        var target = replay.draft().bundle();
        var comparison = OrgComparer.compare(
                OrgComparer.state(replay.today(), analysis.analyze(replay.today(), today())),
                OrgComparer.state(target, analysis.analyze(target, today())),
                today());
        var successors = new java.util.HashMap<String, String>();
        comparison
                .persisting()
                .forEach(p -> successors.put(p.before().id(), p.after().id()));
        int carried = findings.carryTriage(successors);
        var document = targetDocument(s, target);
        // checked on the import thread, where imports run one at a time: none may come between replay and this one
        BundleSource stillCurrent = reader -> basis.equals(graph.read(store::currentVersionKey))
                ? reader.read(document)
                : reader.refuse("$", "LIVE_GRAPH_CHANGED", Text.of(ScenarioTexts.LIVE_GRAPH_CHANGED));
        var job = imports.submitAndWait(
                stillCurrent,
                user + " (scenario " + id + ")",
                java.time.Duration.ofMinutes(10),
                ImportScope.WHOLE_STATE);
        if (job.status() != ImportJob.Status.SUCCEEDED) {
            var reason = job.failure() != null
                    ? job.failure()
                    : job.status().name()
                            + job.problems().stream()
                                    .limit(5)
                                    .map(p -> " " + p.path() + " " + p.message())
                                    .toList();
            return new Applied(
                    s, job, carried, List.of(ScenarioTexts.IMPORT_REJECTED.at(List.of("input", "id"), reason)));
        }
        graph.write(() -> store.markApplied(id, job.id(), user, now()));
        return new Applied(graph.read(() -> store.find(id)).orElseThrow(), job, carried, List.of());
    }

    /**
     * Each username once, of an account that may read scenarios (an admin or analyst): sharing with a mistyped or
     * unknown name would silently share with nobody, or with whoever later takes that name.
     */
    private List<StepProblem> shareProblems(List<String> usernames) {
        var problems = new ArrayList<StepProblem>();
        if (usernames.size() > MAX_SHARED) {
            problems.add(ScenarioTexts.TOO_MANY_USERS.at(List.of("input", "usernames"), MAX_SHARED));
            return problems;
        }
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < usernames.size(); i++) {
            var name = usernames.get(i);
            var path = List.of("input", "usernames", String.valueOf(i));
            if (!seen.add(name)) {
                problems.add(ScenarioTexts.DUPLICATE.at(path, name));
                continue;
            }
            var account = name.length() > 200 ? java.util.Optional.<Account>empty() : accounts.find(name);
            if (account.isEmpty()) {
                problems.add(ScenarioTexts.UNKNOWN_USER.at(path, name));
            } else if (account.get().roles().stream().noneMatch(r -> r == Role.ADMIN || r == Role.ANALYST)) {
                problems.add(ScenarioTexts.CANNOT_READ_SCENARIOS.at(path, name));
            }
        }
        return problems;
    }

    /** The import's own rules on the whole result, as a safety net behind the step checks. */
    private List<StepProblem> bundleRules(Bundle bundle) {
        var problems = new Problems(Text::toString);
        new BundleValidator(ExistingIds.NONE, problems).validate(bundle);
        return problems.list().stream()
                .map(p -> ScenarioTexts.BUNDLE_RULE.at(
                        List.of("input", "step"), Text.verbatim(p.path() + " " + p.code() + ": "), p.text()))
                .toList();
    }

    private Scenario visible(String id, String user, String field) {
        var s = store.find(id).orElseThrow(() -> new NotFoundException(field, Text.of(ScenarioTexts.NOT_FOUND, id)));
        checkVisible(s, user);
        return s;
    }

    private Scenario owned(String id, String user) {
        var s = visible(id, user, "id");
        if (!s.owner().equals(user)) throw new NotAuthorizedException(true, Text.of(ScenarioTexts.NOT_OWNER, id));
        return s;
    }

    /** An unknown scenario named in a mutation's input: a user error in the payload, as for other features. */
    private static Outcome missing(String id, String field) {
        return failed(ScenarioTexts.NOT_FOUND.at(List.of("input", field), id));
    }

    private static Outcome failed(StepProblem problem) {
        return new Outcome(null, List.of(problem), List.of());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
