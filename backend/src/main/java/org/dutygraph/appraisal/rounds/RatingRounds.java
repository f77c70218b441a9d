package org.dutygraph.appraisal.rounds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Rating rounds for appraisers: opening (checked whole, raters fixed), closing (results entered as the indicator's inputs
 * in the same transaction that closes the round, through the checks of enterAppraisalScores), results and audit.
 */
@Service
public class RatingRounds {

    /** What the close entered, or why not. */
    public record Closed(Round round, int entered, List<UserError> errors) {}

    public record Opened(Round round, List<UserError> warnings, List<UserError> errors) {}

    /** Counts only: nothing here tells who voted or what. {@code ballots} per group is null until the round closed. */
    public record Audit(
            Round round, int ballotsCast, String turnout, List<GroupAudit> groups, List<RoundEvent> events) {}

    public record GroupAudit(String group, int eligibleRaters, Integer ballots) {}

    private final RoundChecks checks;
    private final RatingRoundStore store;
    private final AppraisalInputs inputs;
    private final RoundTime time;
    private final GraphTransactions graph;
    private final Messages messages;

    RatingRounds(
            RoundChecks checks,
            RatingRoundStore store,
            AppraisalInputs inputs,
            RoundTime time,
            GraphTransactions graph,
            Messages messages) {
        this.messages = messages;
        this.checks = checks;
        this.store = store;
        this.inputs = inputs;
        this.time = time;
        this.graph = graph;
    }

    /** Checks and stores the round in one transaction: its raters are those of the graph it was checked against. */
    public Opened open(RoundDraft draft, String by) {
        return graph.write(() -> {
            var checked = checks.check(draft, by);
            if (!checked.errors().isEmpty()) {
                return new Opened(null, List.of(), checked.errors());
            }
            var plan = checked.plan();
            store.create(plan.round(), plan.raters(), plan.boxes());
            return new Opened(plan.round(), plan.warnings(), List.of());
        });
    }

    public Optional<Round> find(String id) {
        return store.find(id);
    }

    public List<Round> page(String after, int limit) {
        return store.page(after, limit);
    }

    public Instant now() {
        return time.now();
    }

    /**
     * Closes the round: no more ballots, and its results entered for the period (a subject or group short of raters gets
     * nothing). {@code automatically}: the periodic close, which acts only on rounds past their closing time. If the
     * inputs are refused (the scheme changed since opening), nothing changes and the reason is noted in the audit.
     */
    public Closed close(String id, String by, boolean automatically) {
        var now = time.now();
        var closed = graph.write(() -> closeIn(id, by, automatically, now));
        if (closed.round() != null
                && !closed.errors().isEmpty()
                && !"ALREADY_CLOSED".equals(closed.errors().get(0).code())) {
            // stored as words (Chinese), as the audit keeps what was refused at the time
            var problem = closed.errors().stream()
                    .map(e -> messages.chinese(e.message()))
                    .reduce((a, b) -> a + "；" + b)
                    .orElseThrow();
            graph.write(() -> {
                if (store.noteCloseProblem(id, problem)) {
                    store.event(id, "CLOSE_REFUSED", by, now, problem);
                }
            });
        }
        return closed;
    }

    /** The close, in the caller's transaction: the round locked, its results entered, then marked closed. */
    private Closed closeIn(String id, String by, boolean automatically, Instant now) {
        if (store.find(id).isEmpty()) {
            return new Closed(
                    null,
                    0,
                    List.of(UserError.of(
                            "NOT_FOUND",
                            Text.of(PlatformTexts.NO_SUCH_ID, Text.of(RoundTexts.ROUND), id),
                            "input",
                            "id")));
        }
        store.lock(id);
        var round = store.find(id).orElseThrow();
        if (round.closed()) {
            return new Closed(
                    round,
                    0,
                    List.of(UserError.of("ALREADY_CLOSED", Text.of(RoundTexts.ALREADY_CLOSED), "input", "id")));
        }
        if (automatically && now.isBefore(round.closesAt())) {
            return new Closed(round, 0, List.of());
        }
        var values = RoundTally.inputs(round, RoundTally.tally(round, store.boxes(id)));
        var refused = values.isEmpty() ? List.<UserError>of() : enter(round, values, by);
        if (!refused.isEmpty()) {
            return new Closed(round, 0, refused);
        }
        store.markClosed(id, by, now, automatically);
        return new Closed(store.find(id).orElseThrow(), values.size(), List.of());
    }

    /** Enters the round's results as the indicator's inputs; the problems, each naming the result refused. */
    private List<UserError> enter(Round round, List<RoundTally.Input> values, String by) {
        var period = Period.parse(round.period());
        var entries = values.stream()
                .map(v -> new AppraisalInputs.Entry(period, v.subjectId(), v.code(), v.value()))
                .toList();
        var provenance = values.stream()
                .map(v -> new AppraisalInputs.Provenance("rating-round:" + round.id(), v.ballots()))
                .toList();
        var rows = new AppraisalInputs.Rows(
                i -> values.get(i).subjectId() + " " + values.get(i).code(), Text.of(RoundTexts.THESE_RESULTS));
        var problems = new ArrayList<UserError>();
        for (var e : inputs.enter(entries, provenance, rows, by)) {
            int row = Integer.parseInt(e.field().get(2));
            problems.add(UserError.of(
                    e.code(),
                    Text.of(
                            RoundTexts.RESULT_REFUSED,
                            values.get(row).subjectId(),
                            values.get(row).code(),
                            e.message()),
                    "input",
                    "id"));
        }
        return problems;
    }

    /** Rounds open past their closing time, for the periodic close. */
    List<String> due() {
        return store.due(time.now());
    }

    /** Per subject; empty until the round is closed (no running score can be watched). */
    public List<RoundTally.SubjectResult> results(Round round) {
        return round.closed() ? RoundTally.tally(round, store.boxes(round.id())) : List.of();
    }

    public Audit audit(Round round) {
        int cast = store.markerCount(round.id());
        var turnout = round.eligibleRaters() == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(cast * 100L)
                        .divide(BigDecimal.valueOf(round.eligibleRaters()), 2, RoundingMode.HALF_UP);
        var perGroup = round.closed() ? RoundTally.ballotsPerGroup(store.boxes(round.id())) : null;
        var groups = round.groups().stream()
                .map(g -> new GroupAudit(
                        g.name(), g.eligibleRaters(), perGroup == null ? null : perGroup.getOrDefault(g.name(), 0)))
                .toList();
        return new Audit(
                round,
                cast,
                turnout.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                groups,
                store.events(round.id()));
    }
}
