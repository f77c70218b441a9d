package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Text;

/** Collects findings by id, merging what later evidence adds to a finding already made. */
final class Findings {

    final Projection p;
    final Chains chains;
    private final Explanations words;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    /** The drafts by kind and key: the id is a digest of those two. */
    private final Map<Finding.Kind, Map<String, Draft>> byKey = new java.util.EnumMap<>(Finding.Kind.class);

    {
        for (var kind : Finding.Kind.values()) byKey.put(kind, new java.util.HashMap<>());
    }

    Findings(Projection p, Chains chains, Explanations words) {
        this.p = p;
        this.chains = chains;
        this.words = words;
    }

    final class Draft {
        final Finding.Kind kind;
        final String key;
        Finding.Severity severity;
        final LinkedHashSet<Integer> units = new LinkedHashSet<>();
        final LinkedHashSet<Integer> posts = new LinkedHashSet<>();
        final LinkedHashSet<Integer> duties = new LinkedHashSet<>();
        final LinkedHashSet<Integer> powerItems = new LinkedHashSet<>();
        final LinkedHashSet<String> evidence = new LinkedHashSet<>();
        final LinkedHashSet<Finding.RoleEvidence> roleEvidence = new LinkedHashSet<>();
        Text explanation;
        List<Integer> arbiterUnits;
        /** When set, the arbiter is the lowest common superior of these posts instead. */
        List<Integer> arbiterPosts;

        Draft(Finding.Kind kind, String key, Finding.Severity severity) {
            this.kind = kind;
            this.key = key;
            this.severity = severity;
        }

        Draft duty(int d) {
            duties.add(d);
            units.add(p.dutyUnit[d]);
            if (p.dutyPost[d] >= 0) posts.add(p.dutyPost[d]);
            for (int item : p.dutyPowerItems[d]) powerItems.add(item);
            return this;
        }

        Draft explain(Text explanation) {
            this.explanation = explanation;
            return this;
        }
    }

    Draft draft(Finding.Kind kind, String key, Finding.Severity severity) {
        // found again by kind and key, without hashing the id anew (a finding is drafted once per pair it reports)
        var known = byKey.get(kind).get(key);
        if (known != null) return known;
        var draft = drafts.computeIfAbsent(Finding.idOf(kind, key), id -> new Draft(kind, key, severity));
        byKey.get(kind).put(key, draft);
        return draft;
    }

    List<Finding> build() {
        var result = new ArrayList<Finding>(drafts.size());
        drafts.forEach((id, d) -> result.add(new Finding(
                id,
                d.kind,
                d.severity,
                d.units.stream().map(p.units::id).sorted().toList(),
                d.posts.stream().map(p.posts::id).sorted().toList(),
                d.duties.stream().map(p.duties::id).sorted().toList(),
                d.powerItems.stream().map(p.powerItems::id).sorted().toList(),
                List.copyOf(d.evidence),
                words.render(d.explanation, Languages.CHINESE),
                words.render(d.explanation, Languages.ENGLISH),
                d.arbiterPosts != null
                        ? chains.arbiterOfPosts(d.arbiterPosts)
                        : chains.arbiter(List.copyOf(d.arbiterUnits == null ? d.units : d.arbiterUnits)),
                List.copyOf(d.roleEvidence))));
        return result;
    }

    String unit(int u) {
        return p.unitNames.get(u) + "(" + p.units.id(u) + ")";
    }

    String post(int post) {
        return p.postLabels.get(post) + "(" + p.posts.id(post) + ")";
    }

    String concept(int c) {
        return c < 0 ? "?" : p.conceptLabels.get(c);
    }

    String holder(int d) {
        return p.dutyPost[d] >= 0 ? post(p.dutyPost[d]) + "@" + unit(p.dutyUnit[d]) : unit(p.dutyUnit[d]);
    }
}
