package org.dutygraph.appraisal.rounds;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dutygraph.appraisal.AppraisalPopulations;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.engine.Decimals;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Component;

/**
 * Checks a round before it opens, every problem with its field path, and works out what opening stores: the subjects,
 * the definition, and who rates whom ({@link RaterAssignment}).
 */
@Component
class RoundChecks {

    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    static final int MAX_SUBJECTS = 1000;
    static final int MAX_GROUPS = 10;
    static final int MAX_QUESTIONS = 30;
    static final int MAX_OPTIONS = 10;
    static final int MAX_LISTED = 5000;
    private static final Duration MAX_LENGTH = Duration.ofDays(366);

    record Plan(
            Round round,
            List<RatingRoundStore.Eligibility> raters,
            List<RoundTally.Box> boxes,
            List<UserError> warnings) {}

    record Checked(Plan plan, List<UserError> errors) {}

    private final AppraisalSchemes schemes;
    private final AppraisalPopulations populations;
    private final RaterStore raters;
    private final RaterAssignment assignment;
    private final RatingRoundStore store;
    private final RoundTime time;
    private final RatingRoundSettings settings;

    RoundChecks(
            AppraisalSchemes schemes,
            AppraisalPopulations populations,
            RaterStore raters,
            RaterAssignment assignment,
            RatingRoundStore store,
            RoundTime time,
            RatingRoundSettings settings) {
        this.assignment = assignment;
        this.schemes = schemes;
        this.populations = populations;
        this.raters = raters;
        this.store = store;
        this.time = time;
        this.settings = settings;
    }

    Checked check(RoundDraft d, String by) {
        var errors = new ArrayList<UserError>();
        var title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(UserError.of("INVALID_LENGTH", Text.of(RoundTexts.TITLE_LENGTH), "input", "title"));
        }
        var now = time.now();
        window(d, now, errors);
        var questions = questions(d.questions(), errors);
        var scale = scale(d.scale(), errors);
        var period = period(d, errors);
        var scheme = period == null ? null : scheme(d, period, errors);
        var indicator = scheme == null ? null : indicator(d, scheme, errors);
        var weights = groups(d.groups(), indicator, errors);
        var subjects = scheme == null ? List.<String>of() : subjects(d.subjects(), scheme, errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        var overlap = store.overlapping(d.schemeId(), period.toString(), d.indicatorCode(), subjects);
        if (overlap.isPresent()) {
            return new Checked(
                    null,
                    List.of(UserError.of(
                            "OVERLAPPING_ROUND",
                            Text.of(RoundTexts.OVERLAPPING_ROUND, overlap.get()),
                            "input",
                            "indicatorCode")));
        }
        return plan(d, by, title, scheme, period, indicator, subjects, weights, questions, scale, now);
    }

    /** Opens before it closes, closes in the future, lasts at most {@link #MAX_LENGTH}. */
    private static void window(RoundDraft d, Instant now, List<UserError> errors) {
        var opens = d.opensAt().toInstant();
        var closes = d.closesAt().toInstant();
        if (!closes.isAfter(opens)) {
            errors.add(
                    UserError.of("CLOSES_BEFORE_OPENS", Text.of(RoundTexts.CLOSES_BEFORE_OPENS), "input", "closesAt"));
        } else if (!closes.isAfter(now)) {
            errors.add(UserError.of("ALREADY_PAST", Text.of(RoundTexts.ALREADY_PAST), "input", "closesAt"));
        } else if (Duration.between(opens, closes).compareTo(MAX_LENGTH) > 0) {
            errors.add(UserError.of("TOO_LONG", Text.of(RoundTexts.TOO_LONG), "input", "closesAt"));
        }
    }

    private static Period period(RoundDraft d, List<UserError> errors) {
        try {
            return Period.parse(d.period());
        } catch (IllegalArgumentException e) {
            errors.add(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", "period"));
            return null;
        }
    }

    /** The version of the scheme in force in the period, if its period kind is the round's; null with a problem. */
    private Scheme scheme(RoundDraft d, Period period, List<UserError> errors) {
        var versions = schemes.versions(period.year()).get(d.schemeId());
        if (versions == null) {
            errors.add(
                    UserError.of("UNKNOWN_SCHEME", Text.of(RoundTexts.NO_SCHEME, d.schemeId()), "input", "schemeId"));
            return null;
        }
        var scheme = AppraisalSchemes.inForce(versions, period);
        if (scheme == null) {
            errors.add(UserError.of(
                    "NOT_IN_FORCE", Text.of(RoundTexts.NOT_IN_FORCE, d.schemeId(), period), "input", "schemeId"));
            return null;
        }
        if (scheme.period() != period.kind()) {
            errors.add(UserError.of(
                    "WRONG_PERIOD",
                    Text.of(RoundTexts.WRONG_PERIOD, d.schemeId(), scheme.period(), period.kind()),
                    "input",
                    "period"));
            return null;
        }
        return scheme;
    }

    /** The scheme's indicator the round rates, if ratings or an input can feed it; null with a problem. */
    private static Scheme.Node indicator(RoundDraft d, Scheme scheme, List<UserError> errors) {
        var indicator = find(scheme.indicators(), d.indicatorCode());
        if (indicator == null) {
            errors.add(UserError.of(
                    "UNKNOWN_INDICATOR",
                    Text.of(RoundTexts.NO_INDICATOR, d.schemeId(), d.indicatorCode()),
                    "input",
                    "indicatorCode"));
            return null;
        }
        if (indicator.kind() != Scheme.NodeKind.RATINGS && indicator.kind() != Scheme.NodeKind.INPUT) {
            errors.add(UserError.of(
                    "NOT_RATEABLE", Text.of(RoundTexts.NOT_RATEABLE, d.indicatorCode()), "input", "indicatorCode"));
            return null;
        }
        return indicator;
    }

    private Checked plan(
            RoundDraft d,
            String by,
            String title,
            Scheme scheme,
            Period period,
            Scheme.Node indicator,
            List<String> subjects,
            List<BigDecimal> weights,
            List<String> questions,
            List<Round.Option> scale,
            Instant now) {
        var id = UUID.randomUUID().toString();
        var assigned = assignment.assign(id, subjects, "PERSON".equals(scheme.subject()), d.groups());
        if (!assigned.errors().isEmpty()) {
            return new Checked(null, assigned.errors());
        }
        var groups = new ArrayList<Round.Group>();
        for (int g = 0; g < d.groups().size(); g++) {
            var in = d.groups().get(g);
            groups.add(new Round.Group(
                    in.name(),
                    blankToNull(in.label()),
                    weights.get(g),
                    in.relation(),
                    orEmpty(in.unitIds()),
                    orEmpty(in.personIds()),
                    assigned.groupRaters().get(g)));
        }
        var target = indicator.kind() == Scheme.NodeKind.RATINGS ? Round.RATINGS : Round.INPUT;
        var round = new Round(
                id,
                title,
                scheme.id(),
                scheme.version(),
                period.toString(),
                d.indicatorCode(),
                target,
                Round.INPUT.equals(target) ? indicator.max() : null,
                scheme.subject(),
                subjects,
                groups,
                questions,
                scale,
                d.opensAt().toInstant(),
                d.closesAt().toInstant(),
                settings.minGroupSize(),
                assigned.raters().size(),
                "OPEN",
                by,
                now,
                null,
                null,
                false,
                null,
                TimeKeys.key(now.toEpochMilli(), id));
        return new Checked(new Plan(round, assigned.raters(), assigned.boxes(), assigned.warnings()), List.of());
    }

    private static Scheme.Node find(List<Scheme.Node> nodes, String code) {
        for (var node : nodes) {
            if (node.code().equals(code)) {
                return node;
            }
            var below = find(node.children(), code);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static List<String> questions(List<String> questions, List<UserError> errors) {
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            errors.add(UserError.of(
                    "INVALID_QUESTIONS", Text.of(RoundTexts.QUESTION_COUNT, MAX_QUESTIONS), "input", "questions"));
            return List.of();
        }
        var texts = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < questions.size(); i++) {
            var text = questions.get(i).strip();
            if (text.isEmpty() || text.length() > 300) {
                errors.add(UserError.of(
                        "INVALID_LENGTH",
                        Text.of(RoundTexts.QUESTION_LENGTH),
                        "input",
                        "questions",
                        String.valueOf(i)));
            } else if (!seen.add(text)) {
                errors.add(UserError.of(
                        "DUPLICATE_QUESTION",
                        Text.of(RoundTexts.QUESTION_TWICE),
                        "input",
                        "questions",
                        String.valueOf(i)));
            }
            texts.add(text);
        }
        return texts;
    }

    private static List<Round.Option> scale(List<RoundDraft.ScaleOption> options, List<UserError> errors) {
        if (options.size() < 2 || options.size() > MAX_OPTIONS) {
            errors.add(UserError.of("INVALID_SCALE", Text.of(RoundTexts.SCALE_SIZE, MAX_OPTIONS), "input", "scale"));
            return List.of();
        }
        var scale = new ArrayList<Round.Option>();
        var labels = new HashSet<String>();
        for (int i = 0; i < options.size(); i++) {
            var at = String.valueOf(i);
            var label = options.get(i).label().strip();
            if (label.isEmpty() || label.length() > 20) {
                errors.add(UserError.of(
                        "INVALID_LENGTH", Text.of(RoundTexts.OPTION_LENGTH), "input", "scale", at, "label"));
            } else if (!labels.add(label)) {
                errors.add(UserError.of(
                        "DUPLICATE_OPTION", Text.of(RoundTexts.OPTION_TWICE, label), "input", "scale", at, "label"));
            }
            BigDecimal points = null;
            try {
                points = Decimals.parse(options.get(i).points());
                if (points.signum() < 0 || points.compareTo(Decimals.HUNDRED) > 0) {
                    errors.add(UserError.of(
                            "OUT_OF_RANGE",
                            Text.of(RoundTexts.POINTS_RANGE, points.toPlainString()),
                            "input",
                            "scale",
                            at,
                            "points"));
                }
            } catch (Decimals.OutOfBounds | NumberFormatException e) {
                errors.add(UserError.of(
                        "NOT_A_NUMBER", Text.of(RoundTexts.POINTS_NOT_A_NUMBER), "input", "scale", at, "points"));
            }
            scale.add(new Round.Option(label, points));
        }
        return scale;
    }

    /** Checks the groups; returns their weights (null for a RATINGS indicator). */
    private List<BigDecimal> groups(List<RoundDraft.Group> groups, Scheme.Node indicator, List<UserError> errors) {
        var weights = new ArrayList<BigDecimal>();
        if (groups.isEmpty() || groups.size() > MAX_GROUPS) {
            errors.add(UserError.of("INVALID_GROUPS", Text.of(RoundTexts.GROUP_COUNT, MAX_GROUPS), "input", "groups"));
            return weights;
        }
        var names = new HashSet<String>();
        var total = BigDecimal.ZERO;
        boolean weighed = indicator != null && indicator.kind() == Scheme.NodeKind.INPUT;
        boolean allWeights = true;
        for (int i = 0; i < groups.size(); i++) {
            var g = groups.get(i);
            var at = String.valueOf(i);
            if (!GROUP.matcher(g.name()).matches()) {
                errors.add(UserError.of("INVALID_NAME", Text.of(RoundTexts.GROUP_NAME), "input", "groups", at, "name"));
            } else if (!names.add(g.name())) {
                errors.add(UserError.of(
                        "DUPLICATE_GROUP", Text.of(RoundTexts.GROUP_TWICE, g.name()), "input", "groups", at, "name"));
            } else if (indicator != null
                    && indicator.kind() == Scheme.NodeKind.RATINGS
                    && indicator.groups().stream().noneMatch(r -> r.group().equals(g.name()))) {
                errors.add(UserError.of(
                        "UNKNOWN_GROUP",
                        Text.of(
                                RoundTexts.UNKNOWN_GROUP,
                                indicator.code(),
                                indicator.groups().stream()
                                        .map(Scheme.Group::group)
                                        .toList(),
                                g.name()),
                        "input",
                        "groups",
                        at,
                        "name"));
            }
            if (g.label() != null && g.label().strip().length() > 40) {
                errors.add(UserError.of(
                        "INVALID_LENGTH", Text.of(RoundTexts.GROUP_LABEL_LENGTH), "input", "groups", at, "label"));
            }
            weights.add(weighed ? weight(g, at, errors) : null);
            if (!weighed && g.weight() != null && indicator != null) {
                errors.add(UserError.of(
                        "WEIGHT_FROM_SCHEME",
                        Text.of(RoundTexts.WEIGHT_FROM_SCHEME, indicator.code()),
                        "input",
                        "groups",
                        at,
                        "weight"));
            }
            allWeights &= weights.get(i) != null;
            total = weights.get(i) == null ? total : total.add(weights.get(i));
            members(g, at, errors);
        }
        if (weighed && allWeights && total.compareTo(Decimals.HUNDRED) != 0) {
            errors.add(UserError.of(
                    "WEIGHTS_NOT_100", Text.of(RoundTexts.WEIGHTS_NOT_100, total.toPlainString()), "input", "groups"));
        }
        return weights;
    }

    private static BigDecimal weight(RoundDraft.Group g, String at, List<UserError> errors) {
        if (g.weight() == null) {
            errors.add(UserError.of(
                    "MISSING_WEIGHT", Text.of(RoundTexts.MISSING_WEIGHT), "input", "groups", at, "weight"));
            return null;
        }
        try {
            var w = Decimals.parse(g.weight());
            if (w.signum() <= 0 || w.compareTo(Decimals.HUNDRED) > 0) {
                errors.add(UserError.of(
                        "OUT_OF_RANGE", Text.of(RoundTexts.WEIGHT_RANGE), "input", "groups", at, "weight"));
                return null;
            }
            return w;
        } catch (Decimals.OutOfBounds | NumberFormatException e) {
            errors.add(UserError.of(
                    "NOT_A_NUMBER", Text.of(RoundTexts.WEIGHT_NOT_A_NUMBER), "input", "groups", at, "weight"));
            return null;
        }
    }

    /** The ids a group's relation needs, and only those, known. */
    private void members(RoundDraft.Group g, String at, List<UserError> errors) {
        var units = orEmpty(g.unitIds());
        var persons = orEmpty(g.personIds());
        boolean needsUnits = g.relation() == RaterRelation.STAFF_OF_UNITS;
        boolean needsPersons = g.relation() == RaterRelation.PERSONS;
        if (!needsUnits && g.unitIds() != null) {
            errors.add(UserError.of(
                    "UNEXPECTED_FIELD", Text.of(RoundTexts.UNIT_IDS_ONLY_WITH), "input", "groups", at, "unitIds"));
        }
        if (!needsPersons && g.personIds() != null) {
            errors.add(UserError.of(
                    "UNEXPECTED_FIELD", Text.of(RoundTexts.PERSON_IDS_ONLY_WITH), "input", "groups", at, "personIds"));
        }
        if (needsUnits) {
            known("Organization", units, "UNKNOWN_UNIT", OrgNouns.UNIT, errors, "input", "groups", at, "unitIds");
        }
        if (needsPersons) {
            known("Person", persons, "UNKNOWN_PERSON", OrgNouns.PERSON, errors, "input", "groups", at, "personIds");
        }
    }

    private void known(
            String label, List<String> ids, String code, OrgNouns what, List<UserError> errors, String... path) {
        if (ids.isEmpty() || ids.size() > MAX_LISTED) {
            errors.add(UserError.of("INVALID_LIST", Text.of(RoundTexts.LIST_SIZE, MAX_LISTED, Text.of(what)), path));
            return;
        }
        var existing = raters.existing(label, ids);
        for (int j = 0; j < ids.size(); j++) {
            if (!existing.contains(ids.get(j))) {
                errors.add(UserError.of(
                        code,
                        Text.of(PlatformTexts.NO_SUCH_ID, Text.of(what), ids.get(j)),
                        with(path, String.valueOf(j))));
            }
        }
    }

    private List<String> subjects(RoundDraft.Subjects s, Scheme scheme, List<UserError> errors) {
        boolean fromScheme = Boolean.TRUE.equals(s.fromScheme());
        if (fromScheme == (s.ids() != null)) {
            errors.add(UserError.of("INVALID_SUBJECTS", Text.of(RoundTexts.SUBJECTS_ONE_OF), "input", "subjects"));
            return List.of();
        }
        boolean persons = "PERSON".equals(scheme.subject());
        if (fromScheme) {
            var population = populations.of(scheme, time.today());
            if (population.isEmpty()) {
                errors.add(UserError.of(
                        "EMPTY_SUBJECTS",
                        Text.of(RoundTexts.NOBODY_APPRAISED, scheme.id()),
                        "input",
                        "subjects",
                        "fromScheme"));
            } else if (population.size() > MAX_SUBJECTS) {
                errors.add(UserError.of(
                        "TOO_MANY",
                        Text.of(RoundTexts.TOO_MANY_SUBJECTS, scheme.id(), population.size(), MAX_SUBJECTS),
                        "input",
                        "subjects",
                        "fromScheme"));
            }
            return population;
        }
        var ids = s.ids();
        if (ids.isEmpty() || ids.size() > MAX_SUBJECTS) {
            errors.add(UserError.of(
                    "INVALID_LIST", Text.of(RoundTexts.SUBJECTS_LIST_SIZE, MAX_SUBJECTS), "input", "subjects", "ids"));
            return List.of();
        }
        var kind = persons ? "Person" : "Organization";
        var existing = raters.existing(kind, ids);
        var other = raters.existing(persons ? "Organization" : "Person", ids);
        var seen = new HashSet<String>();
        for (int i = 0; i < ids.size(); i++) {
            var at = String.valueOf(i);
            if (!seen.add(ids.get(i))) {
                errors.add(UserError.of(
                        "DUPLICATE_SUBJECT",
                        Text.of(RoundTexts.SUBJECT_TWICE, ids.get(i)),
                        "input",
                        "subjects",
                        "ids",
                        at));
            } else if (other.contains(ids.get(i)) && !existing.contains(ids.get(i))) {
                errors.add(UserError.of(
                        "WRONG_SUBJECT_KIND",
                        Text.of(
                                RoundTexts.WRONG_SUBJECT_KIND,
                                scheme.id(),
                                Text.of(persons ? RoundTexts.PERSONS : RoundTexts.UNITS),
                                ids.get(i)),
                        "input",
                        "subjects",
                        "ids",
                        at));
            } else if (!existing.contains(ids.get(i))) {
                errors.add(UserError.of(
                        "UNKNOWN_SUBJECT",
                        Text.of(
                                PlatformTexts.NO_SUCH_ID,
                                Text.of(persons ? OrgNouns.PERSON : OrgNouns.UNIT),
                                ids.get(i)),
                        "input",
                        "subjects",
                        "ids",
                        at));
            }
        }
        return List.copyOf(ids);
    }

    private static String[] with(String[] path, String last) {
        var longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
