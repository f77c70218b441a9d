package org.dutygraph.restructuring.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.dutygraph.org.bundle.Bundle;

/**
 * What a scenario changes, as an org-bundle/1 document: the units, posts, duties and supervision lines that differ
 * from today's graph (new, changed, dissolved or abolished with their end date). Imported into today's graph it
 * gives the scenario's organisation; everything else is referred to by id, as a partial bundle may.
 */
final class ChangeBundle {

    private ChangeBundle() {}

    /** Supervision lines of active units that the scenario removes: a bundle can add supervision, not end it. */
    static List<Bundle.Supervision> removedSupervision(Bundle today, OrgDraft target) {
        return today.supervision().stream()
                .filter(s -> !target.supervision.contains(s)
                        && target.activeUnit(s.organizationId())
                        && target.activePost(s.postId()))
                .toList();
    }

    static Map<String, Object> of(Bundle today, Bundle target, String title) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", Bundle.FORMAT);
        doc.put("source", Map.of("title", title));
        doc.put(
                "organizations",
                changed(today.organizations(), target.organizations(), Bundle.Organization::id).stream()
                        .map(ChangeBundle::organization)
                        .toList());
        doc.put(
                "posts",
                changed(today.posts(), target.posts(), Bundle.Post::id).stream()
                        .map(ChangeBundle::post)
                        .toList());
        doc.put(
                "supervision",
                target.supervision().stream()
                        .filter(s -> !today.supervision().contains(s))
                        .map(s ->
                                Map.of("post_id", s.postId(), "organization_id", s.organizationId(), "kind", s.kind()))
                        .toList());
        doc.put(
                "duties",
                changed(today.duties(), target.duties(), Bundle.Duty::id).stream()
                        .map(ChangeBundle::duty)
                        .toList());
        return doc;
    }

    static int entries(Map<String, Object> doc) {
        return List.of("organizations", "posts", "supervision", "duties").stream()
                .mapToInt(k -> ((List<?>) doc.get(k)).size())
                .sum();
    }

    private static <T> List<T> changed(List<T> before, List<T> after, Function<T, String> id) {
        var old = new HashMap<String, T>();
        before.forEach(e -> old.put(id.apply(e), e));
        var result = new ArrayList<T>();
        after.forEach(e -> {
            if (!Objects.equals(old.get(id.apply(e)), e)) result.add(e);
        });
        return result;
    }

    private static Map<String, Object> organization(Bundle.Organization o) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", o.id());
        put(m, "name", o.name());
        if (o.otherNames() != null && !o.otherNames().isEmpty()) {
            m.put(
                    "other_names",
                    o.otherNames().stream().map(n -> Map.of("name", n)).toList());
        }
        put(m, "classification", o.classification());
        put(m, "parent_id", o.parentId());
        put(m, "area_id", o.areaId());
        put(m, "founding_date", o.foundingDate());
        put(m, "dissolution_date", o.dissolutionDate());
        put(m, "status", o.status());
        if (o.quota() != null || o.leadershipPositions() != null) {
            var staffing = new LinkedHashMap<String, Object>();
            put(staffing, "quota", o.quota());
            put(staffing, "leadership_positions", o.leadershipPositions());
            m.put("staffing", staffing);
        }
        return m;
    }

    private static Map<String, Object> post(Bundle.Post p) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", p.id());
        put(m, "label", p.label());
        put(m, "organization_id", p.organizationId());
        put(m, "role", p.role());
        put(m, "class", p.postClass());
        put(m, "start_date", p.startDate());
        put(m, "end_date", p.endDate());
        put(m, "backup_post_id", p.backupPostId());
        put(m, "reports_to_post_id", p.reportsToPostId());
        put(m, "status", p.status());
        return m;
    }

    private static Map<String, Object> duty(Bundle.Duty d) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", d.id());
        put(m, "holder_id", d.holderId());
        put(m, "text", d.text());
        put(m, "action", d.action());
        if (d.objects() != null && !d.objects().isEmpty()) m.put("objects", d.objects());
        put(m, "area_id", d.areaId());
        if (d.powerItemIds() != null && !d.powerItemIds().isEmpty()) m.put("power_item_ids", d.powerItemIds());
        put(m, "basis", d.basis());
        put(m, "role", d.role());
        put(m, "arrangement_id", d.arrangementId());
        put(m, "status", d.status());
        put(m, "end_date", d.endDate());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }
}
