package org.dutygraph.appraisal.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.dutygraph.appraisal.AppraisalInputLog;
import org.dutygraph.appraisal.rounds.RaterRelation;
import org.dutygraph.appraisal.rounds.RatingRounds;
import org.dutygraph.appraisal.rounds.Round;
import org.dutygraph.appraisal.rounds.RoundDraft;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Rating rounds for appraisers: open, close, read with results and audit. See rating-rounds.graphqls. */
@Controller
class RatingRoundController {

    private final RatingRounds rounds;

    RatingRoundController(RatingRounds rounds) {
        this.rounds = rounds;
    }

    record RoundView(
            String id,
            String title,
            String schemeId,
            String period,
            String indicatorCode,
            String target,
            String status,
            OffsetDateTime opensAt,
            OffsetDateTime closesAt,
            int minGroupSize,
            List<String> subjectIds,
            List<GroupView> groups,
            List<Round.Question> questions,
            List<OptionView> scale,
            Round round) {

        static RoundView of(Round r, Instant now) {
            return r == null
                    ? null
                    : new RoundView(
                            r.id(),
                            r.title(),
                            r.schemeId(),
                            r.period(),
                            r.indicatorCode(),
                            r.target(),
                            r.status(now),
                            utc(r.opensAt()),
                            utc(r.closesAt()),
                            r.minGroupSize(),
                            r.subjectIds(),
                            r.groups().stream()
                                    .map(g -> new GroupView(
                                            g.name(),
                                            g.label(),
                                            g.weight() == null
                                                    ? null
                                                    : g.weight().toPlainString(),
                                            g.relation(),
                                            g.unitIds(),
                                            g.personIds()))
                                    .toList(),
                            r.questionList(),
                            OptionView.of(r.scale()),
                            r);
        }
    }

    record GroupView(
            String name,
            String label,
            String weight,
            RaterRelation relation,
            List<String> unitIds,
            List<String> personIds) {}

    record OptionView(String label, String points) {
        static List<OptionView> of(List<Round.Option> scale) {
            return scale.stream()
                    .map(o -> new OptionView(o.label(), o.points().toPlainString()))
                    .toList();
        }
    }

    record SubjectResultView(String subjectId, String status, String score, List<GroupResultView> groups) {}

    record GroupResultView(String group, int eligible, int ballots, String status, String score) {}

    record AuditView(
            String openedBy,
            OffsetDateTime openedAt,
            String closedBy,
            OffsetDateTime closedAt,
            boolean closedAutomatically,
            int eligibleRaters,
            int ballotsCast,
            String turnout,
            List<RatingRounds.GroupAudit> groups,
            List<EventView> events) {}

    record EventView(String action, String by, OffsetDateTime at, Text note) {}

    record GroupBallots(String group, int ballots) {}

    record OpenPayload(RoundView round, List<UserError> warnings, List<UserError> errors) {}

    record CloseInput(String id) {}

    record ClosePayload(RoundView round, int entered, List<UserError> errors) {}

    @QueryMapping
    Connection<RoundView> ratingRounds(@Argument Integer first, @Argument String after) {
        var now = rounds.now();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> rounds.page(cursor, limit).stream()
                        .map(r -> RoundView.of(r, now))
                        .toList(),
                v -> v.round().key());
    }

    @QueryMapping
    RoundView ratingRound(@Argument String id) {
        return rounds.find(id).map(r -> RoundView.of(r, rounds.now())).orElse(null);
    }

    @MutationMapping
    OpenPayload openRatingRound(@Argument RoundDraft input) {
        var opened = rounds.open(input, username());
        return new OpenPayload(RoundView.of(opened.round(), rounds.now()), opened.warnings(), opened.errors());
    }

    @MutationMapping
    ClosePayload closeRatingRound(@Argument CloseInput input) {
        var closed = rounds.close(input.id(), username(), false);
        return new ClosePayload(
                closed.errors().isEmpty() ? RoundView.of(closed.round(), rounds.now()) : null,
                closed.entered(),
                closed.errors());
    }

    @SchemaMapping(typeName = "RatingRound")
    Connection<SubjectResultView> results(RoundView view, @Argument Integer first, @Argument String after) {
        var all = rounds.results(view.round()).stream()
                .sorted(Comparator.comparing(r -> r.subjectId()))
                .map(r -> new SubjectResultView(
                        r.subjectId(),
                        r.status(),
                        plain(r.score()),
                        r.groups().stream()
                                .map(g -> new GroupResultView(
                                        g.group(), g.eligible(), g.ballots(), g.status(), plain(g.score())))
                                .toList()))
                .toList();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> all.stream()
                        .filter(r -> cursor == null || r.subjectId().compareTo(cursor) > 0)
                        .limit(limit)
                        .toList(),
                SubjectResultView::subjectId);
    }

    @SchemaMapping(typeName = "RatingRound")
    AuditView audit(RoundView view) {
        var a = rounds.audit(view.round());
        var r = a.round();
        return new AuditView(
                r.openedBy(),
                utc(r.openedAt()),
                r.closedBy(),
                utc(r.closedAt()),
                r.closedAutomatically(),
                r.eligibleRaters(),
                a.ballotsCast(),
                a.turnout(),
                a.groups(),
                a.events().stream()
                        .map(e -> new EventView(e.action(), e.by(), utc(e.at()), e.note()))
                        .toList());
    }

    /** A rating round's value: the ballots behind it, per group (stored as group:count). */
    @SchemaMapping(typeName = "AppraisalScoreEntry")
    List<GroupBallots> ballots(AppraisalInputLog.Entry entry) {
        return entry.ballots().stream()
                .map(b -> {
                    int cut = b.lastIndexOf(':');
                    return new GroupBallots(b.substring(0, cut), Integer.parseInt(b.substring(cut + 1)));
                })
                .toList();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
