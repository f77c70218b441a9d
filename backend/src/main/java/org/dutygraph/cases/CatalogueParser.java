package org.dutygraph.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dutygraph.cases.Catalogue.Area;
import org.dutygraph.cases.Catalogue.Situation;
import org.dutygraph.cases.Catalogue.Sources;
import org.dutygraph.complaints.CitizenComplaints;
import org.dutygraph.platform.i18n.Text;

/**
 * Reads a catalogue's JSON form (parsed maps and lists), reporting every problem with its JSON path: an unknown key
 * (a misspelt "suspendFrist" must not save a catalogue with the flag silently off), a code used twice, a value
 * outside its set or range.
 */
final class CatalogueParser {

    record Problem(String path, String code, Text message) {}

    static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.toString());
            this.problems = problems;
        }

        List<Problem> problems() {
            return problems;
        }
    }

    private static final Map<String, Set<String>> KEYS = Map.of(
            "catalogue", Set.of("name", "openDirectly", "areas"),
            "area", Set.of("code", "name", "situations"),
            "situation", Set.of("code", "wording", "kinds", "sources", "measures", "suspendFirst", "bindings"),
            "bindings", Set.of("concepts", "powerItemCategories", "dutyIds", "powerItemIds"),
            "sources", Set.of("complaintCategories", "checklistCodes", "appraisalEvents", "eSupervisionRules"),
            "measures", Set.of("from", "to"));

    /** 庸懒散软 (mediocre, lazy, lax, weak), 冷懒推乱贪 (cold, lazy, buck-passing, disorderly, greedy), 不作为 慢作为 乱作为 假作为. */
    static final Set<String> KINDS = Set.of(
            "MEDIOCRE",
            "LAZY",
            "LAX",
            "WEAK",
            "COLD",
            "BUCK_PASSING",
            "DISORDERLY",
            "GREEDY",
            "INACTION",
            "SLOW_ACTION",
            "DISORDERLY_ACTION",
            "SHAM_ACTION");

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");
    private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final int MAX_TEXT = 500;
    private static final int MAX_SITUATIONS = 500;

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> codes = new HashSet<>();

    private CatalogueParser() {}

    static Catalogue parse(Object json) {
        var parser = new CatalogueParser();
        var catalogue = parser.catalogue(json);
        if (!parser.problems.isEmpty()) {
            throw new Invalid(List.copyOf(parser.problems));
        }
        return catalogue;
    }

    /** A version saved earlier: it passed these checks when it was saved. */
    static Catalogue parseSaved(Object json) {
        return parse(json);
    }

    private Catalogue catalogue(Object json) {
        if (!(json instanceof Map<?, ?> m)) {
            problem("$", "WRONG_TYPE", Text.of(CaseTexts.NOT_AN_OBJECT, "$"));
            return null;
        }
        keys(m, "catalogue", "$");
        var name = text(m, "name", "$", true);
        var direct = new LinkedHashSet<String>();
        for (var kind : strings(m.get("openDirectly"), "$.openDirectly")) {
            if (!CaseSources.KINDS.contains(kind.value())) {
                problem(
                        kind.path(),
                        "UNKNOWN_VALUE",
                        Text.of(CaseTexts.NOT_ONE_OF, kind.value(), new java.util.TreeSet<>(CaseSources.KINDS)));
            }
            direct.add(kind.value());
        }
        var areas = new ArrayList<Area>();
        var areaList = list(m.get("areas"), "$.areas", true);
        for (int i = 0; i < areaList.size(); i++) {
            var area = area(areaList.get(i), "$.areas[" + i + "]");
            if (area != null) {
                areas.add(area);
            }
        }
        if (codes.size() > MAX_SITUATIONS) {
            problem("$.areas", "TOO_MANY", Text.of(CaseTexts.TOO_MANY_SITUATIONS, MAX_SITUATIONS));
        }
        return new Catalogue(name, Set.copyOf(direct), List.copyOf(areas));
    }

    private Area area(Object json, String path) {
        if (!(json instanceof Map<?, ?> m)) {
            problem(path, "WRONG_TYPE", Text.of(CaseTexts.NOT_AN_OBJECT, path));
            return null;
        }
        keys(m, "area", path);
        var code = code(m, path);
        var name = text(m, "name", path, true);
        var situations = new ArrayList<Situation>();
        var list = list(m.get("situations"), path + ".situations", true);
        for (int i = 0; i < list.size(); i++) {
            var s = situation(list.get(i), path + ".situations[" + i + "]", code);
            if (s != null) {
                situations.add(s);
            }
        }
        return new Area(code, name, List.copyOf(situations));
    }

    private Situation situation(Object json, String path, String area) {
        if (!(json instanceof Map<?, ?> m)) {
            problem(path, "WRONG_TYPE", Text.of(CaseTexts.NOT_AN_OBJECT, path));
            return null;
        }
        keys(m, "situation", path);
        var code = code(m, path);
        var wording = text(m, "wording", path, true);
        var kinds = new ArrayList<String>();
        for (var kind : strings(m.get("kinds"), path + ".kinds")) {
            if (!KINDS.contains(kind.value())) {
                problem(
                        kind.path(),
                        "UNKNOWN_VALUE",
                        Text.of(CaseTexts.NOT_ONE_OF, kind.value(), new java.util.TreeSet<>(KINDS)));
            }
            kinds.add(kind.value());
        }
        var sources = sources(m.get("sources"), path + ".sources");
        var range = measures(m.get("measures"), path + ".measures");
        var suspend = m.get("suspendFirst");
        if (suspend != null && !(suspend instanceof Boolean)) {
            problem(path + ".suspendFirst", "WRONG_TYPE", Text.of(CaseTexts.NOT_A_BOOLEAN, "suspendFirst"));
        }
        return new Situation(
                code,
                area,
                wording,
                List.copyOf(kinds),
                sources,
                range[0],
                range[1],
                Boolean.TRUE.equals(suspend),
                bindings(m.get("bindings"), path + ".bindings"));
    }

    private Sources sources(Object json, String path) {
        if (json == null) {
            return new Sources(List.of(), List.of(), List.of(), List.of());
        }
        if (!(json instanceof Map<?, ?> m)) {
            problem(path, "WRONG_TYPE", Text.of(CaseTexts.NOT_AN_OBJECT, path));
            return new Sources(List.of(), List.of(), List.of(), List.of());
        }
        keys(m, "sources", path);
        var categories = new ArrayList<String>();
        for (var c : strings(m.get("complaintCategories"), path + ".complaintCategories")) {
            if (!CitizenComplaints.CATEGORIES.contains(c.value())) {
                problem(
                        c.path(),
                        "UNKNOWN_VALUE",
                        Text.of(
                                CaseTexts.NOT_ONE_OF,
                                c.value(),
                                new java.util.TreeSet<>(CitizenComplaints.CATEGORIES)));
            }
            categories.add(c.value());
        }
        return new Sources(
                List.copyOf(categories),
                upper(m, "checklistCodes", path),
                upper(m, "appraisalEvents", path),
                upper(m, "eSupervisionRules", path));
    }

    /** The power-item categories of org-bundle/1. */
    static final Set<String> CATEGORIES = Set.of(
            "licensing",
            "penalty",
            "levy",
            "coercion",
            "confirmation",
            "adjudication",
            "benefit",
            "inspection",
            "reward",
            "other");

    private Catalogue.Bindings bindings(Object json, String path) {
        if (json == null) {
            return Catalogue.Bindings.NONE;
        }
        if (!(json instanceof Map<?, ?> m)) {
            problem(path, "WRONG_TYPE", Text.of(CaseTexts.NOT_AN_OBJECT, path));
            return Catalogue.Bindings.NONE;
        }
        keys(m, "bindings", path);
        var categories = new ArrayList<String>();
        for (var c : strings(m.get("powerItemCategories"), path + ".powerItemCategories")) {
            if (!CATEGORIES.contains(c.value())) {
                problem(
                        c.path(),
                        "UNKNOWN_VALUE",
                        Text.of(CaseTexts.NOT_ONE_OF, c.value(), new java.util.TreeSet<>(CATEGORIES)));
            }
            categories.add(c.value());
        }
        return new Catalogue.Bindings(
                values(m, "concepts", path),
                List.copyOf(categories),
                values(m, "dutyIds", path),
                values(m, "powerItemIds", path));
    }

    private List<String> values(Map<?, ?> m, String key, String path) {
        return strings(m.get(key), path + "." + key).stream().map(At::value).toList();
    }

    private List<String> upper(Map<?, ?> m, String key, String path) {
        var values = new ArrayList<String>();
        for (var v : strings(m.get(key), path + "." + key)) {
            if (!UPPER.matcher(v.value()).matches()) {
                problem(v.path(), "INVALID_CODE", Text.of(CaseTexts.UPPER_CODE));
            }
            values.add(v.value());
        }
        return List.copyOf(values);
    }

    /** [from, to] of a situation's range of measures. */
    private String[] measures(Object json, String path) {
        if (!(json instanceof Map<?, ?> m)) {
            problem(
                    path,
                    json == null ? "MISSING_FIELD" : "WRONG_TYPE",
                    Text.of(CaseTexts.MEASURES_OBJECT, Measures.LADDER));
            return new String[] {null, null};
        }
        keys(m, "measures", path);
        var from = measure(m, "from", path);
        var to = measure(m, "to", path);
        if (from != null && to != null && Measures.rank(from) > Measures.rank(to)) {
            problem(path + ".to", "OUT_OF_RANGE", Text.of(CaseTexts.MILDER_THAN_FROM, to, from, Measures.LADDER));
        }
        return new String[] {from, to};
    }

    private String measure(Map<?, ?> m, String key, String path) {
        var value = m.get(key);
        if (value == null) {
            problem(path + "." + key, "MISSING_FIELD", Text.of(CaseTexts.REQUIRED_FIELD, key));
            return null;
        }
        if (!(value instanceof String s) || !Measures.known(s)) {
            problem(path + "." + key, "UNKNOWN_VALUE", Text.of(CaseTexts.NOT_ONE_OF, value, Measures.LADDER));
            return null;
        }
        return s;
    }

    private String code(Map<?, ?> m, String path) {
        var code = text(m, "code", path, true);
        if (code == null) {
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            problem(path + ".code", "INVALID_CODE", Text.of(CaseTexts.SITUATION_CODE));
        } else if (!codes.add(code)) {
            problem(path + ".code", "DUPLICATE_CODE", Text.of(CaseTexts.CODE_TWICE, code));
        }
        return code;
    }

    private String text(Map<?, ?> m, String key, String path, boolean required) {
        var value = m.get(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                problem(path + "." + key, "MISSING_FIELD", Text.of(CaseTexts.REQUIRED_FIELD, key));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            problem(path + "." + key, "WRONG_TYPE", Text.of(CaseTexts.NOT_A_STRING, key));
            return null;
        }
        if (s.length() > MAX_TEXT) {
            problem(path + "." + key, "TOO_LONG", Text.of(CaseTexts.TEXT_TOO_LONG, MAX_TEXT));
        }
        return s;
    }

    private record At(String value, String path) {}

    /** The strings of an optional list, each once. */
    private List<At> strings(Object json, String path) {
        var result = new ArrayList<At>();
        var seen = new HashSet<String>();
        var list = list(json, path, false);
        for (int i = 0; i < list.size(); i++) {
            var at = path + "[" + i + "]";
            if (!(list.get(i) instanceof String s)) {
                problem(at, "WRONG_TYPE", Text.of(CaseTexts.NOT_A_STRING, at));
            } else if (!seen.add(s)) {
                problem(at, "DUPLICATE_VALUE", Text.of(CaseTexts.LISTED_TWICE, s));
            } else {
                result.add(new At(s, at));
            }
        }
        return result;
    }

    private List<?> list(Object json, String path, boolean required) {
        if (json == null) {
            if (required) {
                problem(path, "MISSING_FIELD", Text.of(CaseTexts.REQUIRED_FIELD, path));
            }
            return List.of();
        }
        if (!(json instanceof List<?> list)) {
            problem(path, "WRONG_TYPE", Text.of(CaseTexts.NOT_A_LIST, path));
            return List.of();
        }
        return list;
    }

    private void keys(Map<?, ?> object, String kind, String path) {
        for (var key : object.keySet()) {
            if (!KEYS.get(kind).contains(String.valueOf(key))) {
                problem(
                        path + "." + key,
                        "UNKNOWN_KEY",
                        Text.of(CaseTexts.UNKNOWN_KEY, key, kind, new java.util.TreeSet<>(KEYS.get(kind))));
            }
        }
    }

    private void problem(String path, String code, Text message) {
        problems.add(new Problem(path, code, message));
    }
}
