package org.dutygraph.restructuring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dutygraph.org.bundle.Bundle;

/**
 * Spans of control on both sides of a comparison: how many units each leading post supervises (分管 or principal
 * lines to active units) and how many posts each section has. A side without the post or section is null.
 */
public record SpansOfControl(List<Leader> leaders, List<Section> sections) {

    public record Leader(String postId, Integer supervisedBefore, Integer supervisedAfter) {}

    public record Section(String unitId, Integer postsBefore, Integer postsAfter) {}

    static SpansOfControl of(Bundle before, Bundle after) {
        var supervisedBefore = supervised(before);
        var supervisedAfter = supervised(after);
        var leaders = new ArrayList<Leader>();
        for (var post : union(supervisedBefore.keySet(), supervisedAfter.keySet())) {
            leaders.add(new Leader(post, supervisedBefore.get(post), supervisedAfter.get(post)));
        }
        var postsBefore = postsPerSection(before);
        var postsAfter = postsPerSection(after);
        var sections = new ArrayList<Section>();
        for (var unit : union(postsBefore.keySet(), postsAfter.keySet())) {
            sections.add(new Section(unit, postsBefore.get(unit), postsAfter.get(unit)));
        }
        return new SpansOfControl(leaders, sections);
    }

    /** Rows whose two sides differ, for reports that show what the change does. */
    public SpansOfControl changed() {
        return new SpansOfControl(
                leaders.stream()
                        .filter(l -> !java.util.Objects.equals(l.supervisedBefore(), l.supervisedAfter()))
                        .toList(),
                sections.stream()
                        .filter(s -> !java.util.Objects.equals(s.postsBefore(), s.postsAfter()))
                        .toList());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Active posts with a supervision line to an active unit, and how many distinct units they supervise. */
    private static Map<String, Integer> supervised(Bundle bundle) {
        var units = activeUnits(bundle);
        var posts = activePosts(bundle, units);
        var byPost = new TreeMap<String, Set<String>>();
        for (var s : bundle.supervision()) {
            if (posts.contains(s.postId()) && units.contains(s.organizationId())) {
                byPost.computeIfAbsent(s.postId(), p -> new HashSet<>()).add(s.organizationId());
            }
        }
        var counts = new TreeMap<String, Integer>();
        byPost.forEach((post, supervised) -> counts.put(post, supervised.size()));
        return counts;
    }

    /** Every active section with its active posts (0 for a section without posts). */
    private static Map<String, Integer> postsPerSection(Bundle bundle) {
        var units = activeUnits(bundle);
        var counts = new TreeMap<String, Integer>();
        bundle.organizations().stream()
                .filter(o -> units.contains(o.id()) && "section".equals(o.classification()))
                .forEach(o -> counts.put(o.id(), 0));
        bundle.posts().stream()
                .filter(p -> !"dissolved".equals(p.status()) && counts.containsKey(p.organizationId()))
                .forEach(p -> counts.merge(p.organizationId(), 1, Integer::sum));
        return counts;
    }

    private static Set<String> activeUnits(Bundle bundle) {
        var units = new HashSet<String>();
        bundle.organizations().stream()
                .filter(o -> !"dissolved".equals(o.status()))
                .forEach(o -> units.add(o.id()));
        return units;
    }

    private static Set<String> activePosts(Bundle bundle, Set<String> units) {
        var posts = new HashSet<String>();
        bundle.posts().stream()
                .filter(p -> !"dissolved".equals(p.status()) && units.contains(p.organizationId()))
                .forEach(p -> posts.add(p.id()));
        return posts;
    }
}
