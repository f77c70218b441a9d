package org.dutygraph.org.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A bundle written back as an org-bundle/1 document (snake_case names, nulls and empty lists left out), the inverse
 * of {@link BundleReader}: what it writes reads back as the same bundle.
 */
@org.springframework.modulith.NamedInterface("bundle")
public final class BundleDocument {

    private BundleDocument() {}

    /** The whole bundle, with {@code source} in place of its own. */
    public static Map<String, Object> of(Bundle b, Bundle.Source source) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", Bundle.FORMAT);
        if (source != null) {
            var s = new LinkedHashMap<String, Object>();
            put(s, "title", source.title());
            put(s, "date", source.date());
            doc.put("source", s);
        }
        doc.put("areas", all(b.areas(), BundleDocument::area));
        doc.put("concepts", all(b.concepts(), BundleDocument::concept));
        doc.put("organizations", all(b.organizations(), BundleDocument::organization));
        doc.put("posts", all(b.posts(), BundleDocument::post));
        doc.put("persons", all(b.persons(), BundleDocument::person));
        doc.put("memberships", all(b.memberships(), BundleDocument::membership));
        doc.put("supervision", all(b.supervision(), BundleDocument::supervision));
        doc.put("power_items", all(b.powerItems(), BundleDocument::powerItem));
        doc.put("duties", all(b.duties(), BundleDocument::duty));
        return doc;
    }

    public static <T> List<Map<String, Object>> all(List<T> entries, Function<T, Map<String, Object>> write) {
        return entries.stream().map(write).toList();
    }

    public static Map<String, Object> area(Bundle.Area a) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", a.id());
        put(m, "name", a.name());
        put(m, "classification", a.classification());
        put(m, "parent_id", a.parentId());
        return m;
    }

    public static Map<String, Object> concept(Bundle.Concept c) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", c.id());
        put(m, "label", c.label());
        put(m, "scheme", c.scheme());
        put(m, "broader_id", c.broaderId());
        putList(m, "alt_labels", c.altLabels());
        return m;
    }

    public static Map<String, Object> organization(Bundle.Organization o) {
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

    public static Map<String, Object> post(Bundle.Post p) {
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

    public static Map<String, Object> person(Bundle.Person p) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", p.id());
        put(m, "name", p.name());
        return m;
    }

    public static Map<String, Object> membership(Bundle.Membership ms) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "person_id", ms.personId());
        put(m, "post_id", ms.postId());
        put(m, "start_date", ms.startDate());
        put(m, "end_date", ms.endDate());
        put(m, "seconded_from_id", ms.secondedFromId());
        return m;
    }

    public static Map<String, Object> supervision(Bundle.Supervision s) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "post_id", s.postId());
        put(m, "organization_id", s.organizationId());
        put(m, "kind", s.kind());
        return m;
    }

    public static Map<String, Object> powerItem(Bundle.PowerItem p) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", p.id());
        put(m, "code", p.code());
        put(m, "name", p.name());
        put(m, "category", p.category());
        put(m, "basis", p.basis());
        put(m, "statutory_days", p.statutoryDays());
        put(m, "committed_days", p.committedDays());
        put(m, "fee", p.fee());
        put(m, "status", p.status());
        put(m, "end_date", p.endDate());
        if (p.fees() != null && !p.fees().isEmpty()) {
            m.put(
                    "fees",
                    p.fees().stream()
                            .map(f -> Map.of("item", f.item(), "amount", f.amount()))
                            .toList());
        }
        return m;
    }

    public static Map<String, Object> duty(Bundle.Duty d) {
        var m = new LinkedHashMap<String, Object>();
        put(m, "id", d.id());
        put(m, "holder_id", d.holderId());
        put(m, "text", d.text());
        put(m, "action", d.action());
        putList(m, "objects", d.objects());
        put(m, "area_id", d.areaId());
        putList(m, "power_item_ids", d.powerItemIds());
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

    private static void putList(Map<String, Object> m, String key, List<String> values) {
        if (values != null && !values.isEmpty()) m.put(key, values);
    }
}
