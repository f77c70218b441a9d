package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dutygraph.appraisal.engine.Scheme.Eligibility;
import org.dutygraph.appraisal.engine.Scheme.Grade;
import org.dutygraph.appraisal.engine.Scheme.Group;
import org.dutygraph.appraisal.engine.Scheme.Node;
import org.dutygraph.appraisal.engine.Scheme.NodeKind;
import org.dutygraph.appraisal.engine.Scheme.Override;
import org.dutygraph.appraisal.engine.Scheme.Payout;
import org.dutygraph.appraisal.engine.Scheme.Quota;
import org.dutygraph.platform.i18n.Text;

/** Reads a scheme's JSON form (as parsed maps and lists), reporting every problem with its JSON path. */
public final class SchemeParser {

    public record Problem(String path, Text message) {}

    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.toString());
            this.problems = problems;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    // ---- Allowed keys, one list per kind of JSON object. Any other key is an error (a misspelt 'overides' must not
    // save a scheme with its veto silently off). A new key of the format is added to its object's list here. ----
    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry(
                    "scheme",
                    Set.of(
                            "name",
                            "subject",
                            "period",
                            "classifications",
                            "indicators",
                            "bonus",
                            "malus",
                            "deductions",
                            "grades",
                            "distribution",
                            "overrides",
                            "eligibility",
                            "payouts",
                            "bundledPenaltyEvent",
                            "promotionBlocks",
                            "events",
                            "population",
                            "distributionGroup")),
            Map.entry(
                    "indicator", Set.of("code", "label", "weight", "children", "input", "ratings", "linked", "rollup")),
            Map.entry("input", Set.of("max")),
            Map.entry("rating", Set.of("group", "weight")),
            Map.entry("linked", Set.of("source", "scheme", "classification", "from")),
            Map.entry("population", Set.of("units", "postRoles", "postClasses", "subjects", "categories", "homeUnits")),
            Map.entry("distributionGroup", Set.of("by", "classification", "groups", "from")),
            Map.entry("group", Set.of("name", "population")),
            Map.entry("rollup", Set.of("scheme", "weights")),
            Map.entry("deductions", Set.of("codes", "cap")),
            Map.entry("grade", Set.of("grade", "label", "min")),
            Map.entry("distribution", Set.of("grade", "share")),
            Map.entry("override", Set.of("event", "effect")),
            Map.entry("eligibility", Set.of("grade", "scheme", "atLeastOnce", "noneBelow")),
            Map.entry("payout", Set.of("grade", "minScore", "multiplier")),
            Map.entry("promotionBlock", Set.of("grades", "years", "event")));
    // ---- end of the allowed keys ----

    /**
     * Event kinds recorded by the application (appraisers, complaints, spot checks, citizen rankings). A scheme
     * that acts on a kind of its own declares it in {@code "events"}, so a misspelt kind is refused, not ignored.
     */
    public static final Set<String> EVENT_KINDS = Set.of(
            "VIOLATION",
            "DISCIPLINARY_CASE",
            "SERIOUS_COMPLAINT",
            "SPOT_CHECK_FINDING",
            "CITIZEN_WORST_RANKED",
            "ACCOUNTABILITY_CASE");

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Set<String> SOURCES = Set.of("OWN_UNIT", "UNIT_ITSELF", "LEVEL", "PARENT_UNIT", "TOP_UNIT");
    private static final Set<String> GROUPINGS = Set.of("ALL", "UNIT", "GROUPS");
    /** Where a person's unit is read from: the post's unit (where they work) or the unit that seconds them. */
    private static final Set<String> FROM = Set.of("WORKPLACE", "HOME");

    private static final Set<String> EFFECTS = Set.of("LOWEST", "DOWN_ONE");

    private final List<Problem> problems = new ArrayList<>();
    /** Problems a version saved before these checks may have: reported when saving, tolerated when reading it back. */
    private final List<Problem> strictProblems = new ArrayList<>();

    private final Set<String> inputCodes = new HashSet<>();
    /** The scheme's subject (UNIT or PERSON), for the checks of its indicators. */
    private String subject;

    private final List<Reference> references = new ArrayList<>();
    private final List<At> events = new ArrayList<>();

    /** Another scheme named at {@code path}: by a LINKED or ROLLUP indicator, or an ELIGIBILITY rule (with its grades). */
    private record Reference(String path, String kind, String scheme, Map<String, String> grades) {}

    private SchemeParser() {}

    /** The scheme, or {@link Invalid} listing every problem (other schemes it names are not looked up). */
    public static Scheme parse(String id, int version, Object json) {
        return parse(id, version, json, null);
    }

    /**
     * The scheme, or {@link Invalid} listing every problem, including schemes it names that {@code saved} does not
     * know (it gives the latest saved version of an id, or null) and grades those schemes do not have.
     */
    public static Scheme parse(String id, int version, Object json, Function<String, Scheme> saved) {
        var parser = new SchemeParser();
        var scheme = parser.scheme(id, version, json);
        if (saved != null && scheme != null) {
            parser.resolve(scheme, saved);
        }
        var all = new ArrayList<>(parser.problems);
        all.addAll(parser.strictProblems);
        if (!all.isEmpty()) {
            throw new Invalid(List.copyOf(all));
        }
        return scheme;
    }

    /** A stored version as it was saved: unknown keys and event kinds (accepted before they were checked) are ignored. */
    public static Scheme parseSaved(String id, int version, Object json) {
        var parser = new SchemeParser();
        var scheme = parser.scheme(id, version, json);
        if (!parser.problems.isEmpty()) {
            throw new Invalid(List.copyOf(parser.problems));
        }
        return scheme;
    }

    private void keys(Map<?, ?> object, String kind, String path) {
        var allowed = KEYS.get(kind);
        for (var key : object.keySet()) {
            if (!allowed.contains(key)) {
                strictProblems.add(new Problem(
                        path + "." + key,
                        Text.of(
                                SchemeTexts.UNKNOWN_KEY,
                                key,
                                Text.of("$".equals(path) ? SchemeTexts.A_SCHEME : SchemeTexts.HERE),
                                String.join(", ", new java.util.TreeSet<>(allowed)))));
            }
        }
    }

    private void resolve(Scheme scheme, Function<String, Scheme> saved) {
        for (var ref : references) {
            var target = ref.scheme().equals(scheme.id()) ? scheme : saved.apply(ref.scheme());
            if (target == null) {
                problem(ref.path(), Text.of(SchemeTexts.SCHEME_NOT_SAVED, ref.scheme()));
                continue;
            }
            switch (ref.kind()) {
                case "LINKED" -> {
                    if (!"UNIT".equals(target.subject())) {
                        problem(ref.path(), Text.of(SchemeTexts.LINKED_READS_UNITS, ref.scheme()));
                    } else if (target.period() != scheme.period()) {
                        problem(
                                ref.path(),
                                Text.of(
                                        SchemeTexts.LINKED_SAME_PERIOD,
                                        ref.scheme(),
                                        target.period(),
                                        scheme.period()));
                    }
                }
                default -> {
                    if (target.period() == null
                            || scheme.period() == null
                            || target.period().compareTo(scheme.period()) >= 0) {
                        problem(
                                ref.path(),
                                Text.of(SchemeTexts.READS_PARTS, ref.scheme(), target.period(), scheme.period()));
                    } else if ("ROLLUP".equals(ref.kind())
                            && !java.util.Objects.equals(target.subject(), scheme.subject())) {
                        problem(ref.path(), Text.of(SchemeTexts.ROLLUP_SAME_SUBJECT, ref.scheme(), target.subject()));
                    }
                    ref.grades().forEach((path, grade) -> {
                        if (target.gradeIndex(grade) < 0) {
                            problem(path, Text.of(SchemeTexts.NOT_A_GRADE_OF, grade, ref.scheme()));
                        }
                    });
                }
            }
        }
    }

    private Scheme scheme(String id, int version, Object json) {
        if (!(json instanceof Map<?, ?> m)) {
            problem("$", Text.of(SchemeTexts.SCHEME_NOT_OBJECT));
            return null;
        }
        keys(m, "scheme", "$");
        var declared = declaredEvents(m);
        var name = text(m, "name", "$", true);
        var subject = oneOf(m, "subject", "$", Set.of("UNIT", "PERSON"));
        var periodText = oneOf(m, "period", "$", Set.of("MONTH", "QUARTER", "YEAR"));
        var classifications = strings(m.get("classifications"), "$.classifications");
        this.subject = subject;
        var indicators = nodes(m.get("indicators"), "$.indicators", true);
        var bonus = codes(m.get("bonus"), "$.bonus");
        var malus = codes(m.get("malus"), "$.malus");
        var deductions = deductions(m);
        var grades = grades(m.get("grades"));
        var gradeNames = grades.stream().map(Grade::grade).toList();
        var distribution = quotas(m.get("distribution"), gradeNames);
        var overrides = overrides(m);
        var eligibility = eligibility(m, gradeNames);
        var payouts = payouts(m, gradeNames);
        var bundled = m.get("bundledPenaltyEvent") == null ? null : event(m, "bundledPenaltyEvent", "$", true);
        var blocks = promotionBlocks(m, gradeNames);
        var population = m.get("population") == null
                ? Scheme.Population.ALL
                : population(m.get("population"), "$.population", subject);
        var grouping = grouping(m.get("distributionGroup"), subject);
        if (grouping != Scheme.Grouping.ALL && distribution.isEmpty()) {
            problem("$.distributionGroup", Text.of(SchemeTexts.GROUP_WITHOUT_DISTRIBUTION));
        }
        var period = periodText == null ? null : Period.Kind.valueOf(periodText);
        unknownEventKinds(declared);
        return new Scheme(
                id,
                version,
                name,
                subject,
                period,
                classifications,
                indicators,
                bonus,
                malus,
                deductions.codes(),
                deductions.cap(),
                grades,
                distribution,
                overrides,
                eligibility,
                payouts,
                bundled,
                blocks,
                population,
                grouping);
    }

    /** The event kinds the scheme declares as its own ("events"). */
    private List<String> declaredEvents(Map<?, ?> m) {
        var declared = strings(m.get("events"), "$.events");
        for (int i = 0; i < declared.size(); i++) {
            if (!KIND.matcher(declared.get(i)).matches()) {
                problem("$.events[" + i + "]", Text.of(SchemeTexts.EVENT_KIND_FORMAT));
            }
        }
        return declared;
    }

    /** Every event kind the scheme names is one the application records or one it declares. */
    private void unknownEventKinds(List<String> declared) {
        for (var at : events) {
            var kind = (String) at.object().get("kind");
            if (!EVENT_KINDS.contains(kind) && !declared.contains(kind)) {
                strictProblems.add(new Problem(
                        at.path(),
                        Text.of(
                                SchemeTexts.UNKNOWN_EVENT_KIND,
                                kind,
                                String.join(", ", new java.util.TreeSet<>(EVENT_KINDS)))));
            }
        }
    }

    private record Deductions(List<String> codes, BigDecimal cap) {}

    private Deductions deductions(Map<?, ?> m) {
        if (m.get("deductions") instanceof Map<?, ?> d) {
            keys(d, "deductions", "$.deductions");
            var codes = codes(d.get("codes"), "$.deductions.codes");
            return new Deductions(codes, d.get("cap") == null ? null : number(d.get("cap"), "$.deductions.cap", true));
        }
        if (m.get("deductions") != null) {
            problem("$.deductions", Text.of(SchemeTexts.DEDUCTIONS_SHAPE));
        }
        return new Deductions(List.of(), null);
    }

    private List<Override> overrides(Map<?, ?> m) {
        var overrides = new ArrayList<Override>();
        for (var at : list(m.get("overrides"), "$.overrides")) {
            keys(at.object(), "override", at.path());
            overrides.add(new Override(
                    event(at.object(), "event", at.path(), true), oneOf(at.object(), "effect", at.path(), EFFECTS)));
        }
        return overrides;
    }

    private List<Eligibility> eligibility(Map<?, ?> m, List<String> gradeNames) {
        var eligibility = new ArrayList<Eligibility>();
        for (var at : list(m.get("eligibility"), "$.eligibility")) {
            var o = at.object();
            keys(o, "eligibility", at.path());
            var rule = new Eligibility(
                    grade(o, "grade", at.path(), gradeNames, true),
                    text(o, "scheme", at.path(), true),
                    text(o, "atLeastOnce", at.path(), false),
                    text(o, "noneBelow", at.path(), false));
            eligibility.add(rule);
            var named = new java.util.LinkedHashMap<String, String>();
            if (rule.atLeastOnce() != null) {
                named.put(at.path() + ".atLeastOnce", rule.atLeastOnce());
            }
            if (rule.noneBelow() != null) {
                named.put(at.path() + ".noneBelow", rule.noneBelow());
            }
            if (rule.scheme() != null) {
                references.add(new Reference(at.path() + ".scheme", "ELIGIBILITY", rule.scheme(), named));
            }
        }
        return eligibility;
    }

    private List<Payout> payouts(Map<?, ?> m, List<String> gradeNames) {
        var payouts = new ArrayList<Payout>();
        for (var at : list(m.get("payouts"), "$.payouts")) {
            var o = at.object();
            var p = at.path();
            keys(o, "payout", p);
            var grade = grade(o, "grade", p, gradeNames, false);
            var min = o.get("minScore") == null ? null : number(o.get("minScore"), p + ".minScore", true);
            if ((grade == null) == (min == null)) {
                problem(p, Text.of(SchemeTexts.PAYOUT_RULE));
            }
            payouts.add(new Payout(grade, min, number(o.get("multiplier"), p + ".multiplier", true)));
        }
        return payouts;
    }

    private List<Scheme.PromotionBlock> promotionBlocks(Map<?, ?> m, List<String> gradeNames) {
        var blocks = new ArrayList<Scheme.PromotionBlock>();
        for (var at : list(m.get("promotionBlocks"), "$.promotionBlocks")) {
            var o = at.object();
            keys(o, "promotionBlock", at.path());
            var blockGrades = strings(o.get("grades"), at.path() + ".grades");
            blockGrades.forEach(g -> {
                if (!gradeNames.contains(g)) {
                    problem(at.path() + ".grades", Text.of(SchemeTexts.NOT_A_GRADE, g));
                }
            });
            var event = o.get("event") == null ? null : event(o, "event", at.path(), true);
            if (blockGrades.isEmpty() == (event == null)) {
                problem(at.path(), Text.of(SchemeTexts.PROMOTION_BLOCK));
            }
            int years = o.get("years") instanceof Number n ? n.intValue() : 1;
            if (years < 1 || years > 10) {
                problem(at.path() + ".years", Text.of(SchemeTexts.YEARS_RANGE));
            }
            blocks.add(new Scheme.PromotionBlock(blockGrades, years, event));
        }
        return blocks;
    }

    /** Keys: units, postRoles, postClasses, subjects, categories, homeUnits (all but units and subjects select persons). */
    private Scheme.Population population(Object json, String path, String subject) {
        if (!(json instanceof Map<?, ?> m)) {
            problem(path, Text.of(SchemeTexts.POPULATION_SHAPE));
            return Scheme.Population.ALL;
        }
        keys(m, "population", path);
        var population = new Scheme.Population(
                strings(m.get("units"), path + ".units"),
                strings(m.get("postRoles"), path + ".postRoles"),
                strings(m.get("postClasses"), path + ".postClasses"),
                strings(m.get("subjects"), path + ".subjects"),
                strings(m.get("categories"), path + ".categories"),
                strings(m.get("homeUnits"), path + ".homeUnits"));
        if ("UNIT".equals(subject)) {
            for (var key : List.of("postRoles", "postClasses", "categories", "homeUnits")) {
                if (m.get(key) != null) {
                    problem(path + "." + key, Text.of(SchemeTexts.SELECTS_PERSONS, key));
                }
            }
        }
        return population;
    }

    /** Keys: by (ALL, UNIT or GROUPS), classification (with UNIT), groups (with GROUPS: name and population each). */
    private Scheme.Grouping grouping(Object json, String subject) {
        var path = "$.distributionGroup";
        if (json == null) {
            return Scheme.Grouping.ALL;
        }
        if (!(json instanceof Map<?, ?> m)) {
            problem(path, Text.of(SchemeTexts.GROUPING_SHAPE));
            return Scheme.Grouping.ALL;
        }
        keys(m, "distributionGroup", path);
        var by = oneOf(m, "by", path, GROUPINGS);
        var classification = text(m, "classification", path, false);
        if (classification != null && !"UNIT".equals(by)) {
            problem(path + ".classification", Text.of(SchemeTexts.GOES_WITH_UNIT, "classification"));
        }
        var from = from(m, path, subject);
        if (m.get("from") != null && !"UNIT".equals(by)) {
            problem(path + ".from", Text.of(SchemeTexts.GOES_WITH_UNIT, "from"));
        }
        var groups = new ArrayList<Scheme.NamedGroup>();
        var names = new HashSet<String>();
        for (var at : list(m.get("groups"), path + ".groups")) {
            keys(at.object(), "group", at.path());
            var name = text(at.object(), "name", at.path(), true);
            if (name != null && !names.add(name)) {
                problem(at.path() + ".name", Text.of(SchemeTexts.GROUP_TWICE, name));
            }
            groups.add(new Scheme.NamedGroup(
                    name, population(at.object().get("population"), at.path() + ".population", subject)));
        }
        if ("GROUPS".equals(by) == groups.isEmpty()) {
            problem(path + ".groups", Text.of(SchemeTexts.GROUPS_GO_WITH_GROUPS));
        }
        return by == null ? Scheme.Grouping.ALL : new Scheme.Grouping(by, classification, List.copyOf(groups), from);
    }

    /** 'from': WORKPLACE (the default) or HOME; persons only, a unit has no home elsewhere. */
    private String from(Map<?, ?> m, String path, String subject) {
        if (m.get("from") == null) {
            return "WORKPLACE";
        }
        var from = oneOf(m, "from", path, FROM);
        if ("UNIT".equals(subject)) {
            problem(path + ".from", Text.of(SchemeTexts.FROM_IN_UNIT_SCHEME));
        }
        return from == null ? "WORKPLACE" : from;
    }

    private List<Node> nodes(Object json, String path, boolean required) {
        if (!(json instanceof List<?> list) || list.isEmpty()) {
            if (required || json != null) {
                problem(path, Text.of(SchemeTexts.INDICATOR_NEEDED));
            }
            return List.of();
        }
        var nodes = new ArrayList<Node>();
        var codes = new HashSet<String>();
        var total = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            var p = path + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problem(p, Text.of(SchemeTexts.INDICATOR_NOT_OBJECT));
                continue;
            }
            var node = node(m, p);
            if (node.code() != null && !codes.add(node.code())) {
                problem(p + ".code", Text.of(SchemeTexts.CODE_TWICE_AT_LEVEL, node.code()));
            }
            if (node.weight() != null) {
                total = total.add(node.weight());
            }
            nodes.add(node);
        }
        if (total.compareTo(Decimals.HUNDRED) != 0) {
            problem(path, Text.of(SchemeTexts.WEIGHTS_NOT_100, total.toPlainString()));
        }
        return nodes;
    }

    private Node node(Map<?, ?> m, String p) {
        keys(m, "indicator", p);
        var code = code(m.get("code"), p + ".code");
        var label = m.get("label") == null ? code : String.valueOf(m.get("label"));
        var weight = number(m.get("weight"), p + ".weight", true);
        var kinds = List.of("children", "input", "ratings", "linked", "rollup").stream()
                .filter(m::containsKey)
                .toList();
        if (kinds.size() != 1) {
            problem(p, Text.of(SchemeTexts.INDICATOR_KIND));
            return new Node(
                    code,
                    label,
                    weight,
                    NodeKind.INPUT,
                    List.of(),
                    Decimals.HUNDRED,
                    List.of(),
                    null,
                    null,
                    List.of(),
                    null,
                    null);
        }
        return switch (kinds.get(0)) {
            case "children" ->
                new Node(
                        code,
                        label,
                        weight,
                        NodeKind.WEIGHTED,
                        nodes(m.get("children"), p + ".children", true),
                        null,
                        List.of(),
                        null,
                        null,
                        List.of(),
                        null,
                        null);
            case "input" -> inputNode(m, p, code, label, weight);
            case "ratings" -> ratingsNode(m, p, code, label, weight);
            case "linked" -> linkedNode(m, p, code, label, weight);
            default -> rollupNode(m, p, code, label, weight);
        };
    }

    private Node inputNode(Map<?, ?> m, String p, String code, String label, BigDecimal weight) {
        if (m.get("input") instanceof Map<?, ?> in) {
            keys(in, "input", p + ".input");
        } else {
            strictProblems.add(new Problem(p + ".input", Text.of(SchemeTexts.INPUT_SHAPE)));
        }
        var max = m.get("input") instanceof Map<?, ?> in && in.get("max") != null
                ? number(in.get("max"), p + ".input.max", true)
                : Decimals.HUNDRED;
        if (max.signum() <= 0) {
            problem(p + ".input.max", Text.of(SchemeTexts.MAX_POSITIVE));
        }
        unique(code, p);
        return new Node(
                code, label, weight, NodeKind.INPUT, List.of(), max, List.of(), null, null, List.of(), null, null);
    }

    private Node ratingsNode(Map<?, ?> m, String p, String code, String label, BigDecimal weight) {
        var groups = new ArrayList<Group>();
        var total = BigDecimal.ZERO;
        for (var at : list(m.get("ratings"), p + ".ratings")) {
            keys(at.object(), "rating", at.path());
            var g = new Group(
                    code(at.object().get("group"), at.path() + ".group"),
                    number(at.object().get("weight"), at.path() + ".weight", true));
            unique(code + "." + g.group(), p);
            total = g.weight() == null ? total : total.add(g.weight());
            groups.add(g);
        }
        if (total.compareTo(Decimals.HUNDRED) != 0) {
            problem(p + ".ratings", Text.of(SchemeTexts.GROUP_WEIGHTS_NOT_100, total.toPlainString()));
        }
        return new Node(
                code, label, weight, NodeKind.RATINGS, List.of(), null, groups, null, null, List.of(), null, null);
    }

    private Node linkedNode(Map<?, ?> m, String p, String code, String label, BigDecimal weight) {
        var linked = m.get("linked") instanceof Map<?, ?> l ? l : Map.of();
        keys(linked, "linked", p + ".linked");
        // the default serves the common case: staff of a section are scored with their department
        var source = linked.get("source") == null ? "OWN_UNIT" : oneOf(linked, "source", p + ".linked", SOURCES);
        var classification = text(linked, "classification", p + ".linked", "LEVEL".equals(source));
        if (classification != null && !"LEVEL".equals(source)) {
            problem(p + ".linked.classification", Text.of(SchemeTexts.CLASSIFICATION_WITH_LEVEL));
        }
        var scheme = text(linked, "scheme", p + ".linked", true);
        if (scheme != null) {
            references.add(new Reference(p + ".linked.scheme", "LINKED", scheme, Map.of()));
        }
        return new Node(
                code,
                label,
                weight,
                NodeKind.LINKED,
                List.of(),
                null,
                List.of(),
                source,
                scheme,
                List.of(),
                classification,
                from(linked, p + ".linked", subject));
    }

    private Node rollupNode(Map<?, ?> m, String p, String code, String label, BigDecimal weight) {
        var rollup = m.get("rollup") instanceof Map<?, ?> r ? r : Map.of();
        keys(rollup, "rollup", p + ".rollup");
        var weights = new ArrayList<BigDecimal>();
        if (rollup.get("weights") instanceof List<?> ws) {
            for (int i = 0; i < ws.size(); i++) {
                weights.add(number(ws.get(i), p + ".rollup.weights[" + i + "]", true));
            }
        } else if (!"EQUAL".equals(rollup.get("weights"))) {
            problem(p + ".rollup.weights", Text.of(SchemeTexts.ROLLUP_WEIGHTS_SHAPE));
        }
        if (!weights.isEmpty()
                && weights.stream()
                                .filter(java.util.Objects::nonNull)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .compareTo(Decimals.HUNDRED)
                        != 0) {
            problem(p + ".rollup.weights", Text.of(SchemeTexts.ROLLUP_WEIGHTS_COUNT));
        }
        var scheme = text(rollup, "scheme", p + ".rollup", true);
        if (scheme != null) {
            references.add(new Reference(p + ".rollup.scheme", "ROLLUP", scheme, Map.of()));
        }
        return new Node(
                code, label, weight, NodeKind.ROLLUP, List.of(), null, List.of(), null, scheme, weights, null, null);
    }

    private List<Grade> grades(Object json) {
        var grades = new ArrayList<Grade>();
        var names = new HashSet<String>();
        BigDecimal previous = null;
        var entries = list(json, "$.grades");
        if (entries.size() < 2) {
            problem("$.grades", Text.of(SchemeTexts.LADDER_TOO_SHORT));
        }
        int i = 0;
        for (var at : entries) {
            var m = at.object();
            var p = at.path();
            keys(m, "grade", p);
            var name = text(m, "grade", p, true);
            if (name != null && !names.add(name)) {
                problem(p + ".grade", Text.of(SchemeTexts.GRADE_TWICE, name));
            }
            boolean last = ++i == entries.size();
            var min = m.get("min") == null ? null : number(m.get("min"), p + ".min", true);
            if (!last && min == null) {
                problem(p + ".min", Text.of(SchemeTexts.GRADE_NEEDS_MIN));
            }
            if (min != null && previous != null && min.compareTo(previous) >= 0) {
                problem(p + ".min", Text.of(SchemeTexts.BANDS_GO_DOWN));
            }
            previous = min == null ? previous : min;
            grades.add(
                    new Grade(name, m.get("label") == null ? name : String.valueOf(m.get("label")), last ? null : min));
        }
        return grades;
    }

    private List<Quota> quotas(Object json, List<String> grades) {
        if (json == null) {
            return List.of();
        }
        var quotas = new ArrayList<Quota>();
        var total = BigDecimal.ZERO;
        for (var at : list(json, "$.distribution")) {
            keys(at.object(), "distribution", at.path());
            var q = new Quota(
                    grade(at.object(), "grade", at.path(), grades, true),
                    number(at.object().get("share"), at.path() + ".share", true));
            total = q.share() == null ? total : total.add(q.share());
            quotas.add(q);
        }
        if (total.compareTo(Decimals.HUNDRED) != 0) {
            problem("$.distribution", Text.of(SchemeTexts.SHARES_NOT_100, total.toPlainString()));
        }
        return quotas;
    }

    private void unique(String inputCode, String path) {
        if (!inputCodes.add(inputCode)) {
            problem(path + ".code", Text.of(SchemeTexts.INPUT_CODE_TWICE, inputCode));
        }
    }

    private record At(Map<?, ?> object, String path) {}

    /** The objects of a JSON array with their paths, in order. */
    private List<At> list(Object json, String path) {
        var result = new ArrayList<At>();
        if (json == null) {
            return result;
        }
        if (!(json instanceof List<?> list)) {
            problem(path, Text.of(SchemeTexts.EXPECTED_ARRAY));
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> m) {
                result.add(new At(m, path + "[" + i + "]"));
            } else {
                problem(path + "[" + i + "]", Text.of(SchemeTexts.EXPECTED_OBJECT));
            }
        }
        return result;
    }

    private List<String> codes(Object json, String path) {
        var codes = strings(json, path);
        for (int i = 0; i < codes.size(); i++) {
            code(codes.get(i), path + "[" + i + "]");
            unique(codes.get(i), path + "[" + i + "]");
        }
        return codes;
    }

    private List<String> strings(Object json, String path) {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            problem(path, Text.of(SchemeTexts.EXPECTED_STRINGS));
            return List.of();
        }
        return list.stream().map(String.class::cast).toList();
    }

    private String code(Object value, String path) {
        if (!(value instanceof String s) || !CODE.matcher(s).matches()) {
            problem(path, Text.of(SchemeTexts.CODE_FORMAT));
            return value instanceof String s ? s : null;
        }
        return s;
    }

    private String text(Map<?, ?> m, String key, String path, boolean required) {
        var value = m.get(key);
        if (value == null) {
            if (required) {
                problem(path + "." + key, Text.of(SchemeTexts.REQUIRED, key));
            }
            return null;
        }
        if (!(value instanceof String s) || s.isBlank() || s.length() > 200) {
            problem(path + "." + key, Text.of(SchemeTexts.TEXT_LENGTH, key));
            return null;
        }
        return s;
    }

    /** An event kind; whether it is known is checked once the scheme's own "events" are read. */
    private String event(Map<?, ?> m, String key, String path, boolean required) {
        var value = text(m, key, path, required);
        if (value != null) {
            events.add(new At(Map.of("kind", value), path + "." + key));
        }
        return value;
    }

    private String oneOf(Map<?, ?> m, String key, String path, Set<String> allowed) {
        var value = text(m, key, path, true);
        if (value != null && !allowed.contains(value)) {
            problem(path + "." + key, Text.of(SchemeTexts.ONE_OF, key, new java.util.TreeSet<>(allowed)));
            return null;
        }
        return value;
    }

    private String grade(Map<?, ?> m, String key, String path, List<String> grades, boolean required) {
        var value = text(m, key, path, required);
        if (value != null && !grades.contains(value)) {
            problem(path + "." + key, Text.of(SchemeTexts.NOT_A_GRADE, value));
        }
        return value;
    }

    private BigDecimal number(Object value, String path, boolean required) {
        if (value == null) {
            if (required) {
                problem(path, Text.of(SchemeTexts.NUMBER_REQUIRED));
            }
            return null;
        }
        try {
            var n = Decimals.of(value);
            if (n.signum() < 0) {
                problem(path, Text.of(SchemeTexts.NOT_NEGATIVE));
            }
            return n;
        } catch (Decimals.OutOfBounds e) {
            problem(
                    path,
                    Text.of(SchemeTexts.TOO_MANY_DIGITS, Decimals.MAX_INTEGER_DIGITS, Decimals.MAX_FRACTION_DIGITS));
            return null;
        } catch (NumberFormatException e) {
            problem(
                    path,
                    value instanceof String s && s.length() <= 40
                            ? Text.of(SchemeTexts.NOT_A_NUMBER_VALUE, s)
                            : Text.of(SchemeTexts.NOT_A_NUMBER));
            return null;
        }
    }

    private void problem(String path, Text message) {
        problems.add(new Problem(path, message));
    }
}
