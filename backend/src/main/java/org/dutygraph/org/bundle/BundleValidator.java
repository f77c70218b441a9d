package org.dutygraph.org.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Checks every rule of org-bundle/1 and reports every problem with its JSON path; it never stops at
 * the first. References may point into the bundle or at nodes stored by an earlier import.
 */
@org.springframework.modulith.NamedInterface("bundle")
public final class BundleValidator {

    static final int MAX_ALT_LABELS = 50;
    static final int MAX_LABEL = 100;
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final ExistingIds existing;
    private final Problems problems;
    private final Map<String, List<PendingReference>> pending = new LinkedHashMap<>();

    private final Set<String> areaIds = new HashSet<>();
    private final Map<String, String> conceptSchemes = new HashMap<>();
    private final Set<String> organizationIds = new HashSet<>();
    private final Set<String> postIds = new HashSet<>();
    private final Set<String> personIds = new HashSet<>();
    private final Set<String> powerItemIds = new HashSet<>();

    public BundleValidator(ExistingIds existing, Problems problems) {
        this.existing = existing;
        this.problems = problems;
    }

    /** Validates; returns the ids of posts that hold duties' holder role, needed by the writer. */
    public ValidatedBundle validate(Bundle bundle) {
        if (!Bundle.FORMAT.equals(bundle.format())) {
            problems.add(
                    "$.format",
                    bundle.format() == null ? "MISSING_FIELD" : "UNSUPPORTED_FORMAT",
                    Text.of(
                            OrgTexts.FORMAT,
                            Bundle.FORMAT,
                            bundle.format() == null
                                    ? Text.verbatim("")
                                    : Text.of(OrgTexts.FORMAT_NOT, bundle.format())));
        }
        collectIds(bundle);
        areas(bundle.areas());
        concepts(bundle.concepts());
        organizations(bundle.organizations());
        posts(bundle.posts());
        persons(bundle.persons());
        memberships(bundle.memberships());
        supervision(bundle.supervision());
        powerItems(bundle.powerItems());
        duties(bundle.duties());
        var storedPosts = resolvePending();
        var holderPosts = new HashSet<>(postIds);
        holderPosts.addAll(storedPosts);
        return new ValidatedBundle(bundle, holderPosts);
    }

    private void collectIds(Bundle b) {
        unique("areas", b.areas(), Bundle.Area::id, areaIds);
        var concepts = new HashSet<String>();
        unique("concepts", b.concepts(), Bundle.Concept::id, concepts);
        b.concepts().stream()
                .filter(Objects::nonNull)
                .filter(c -> c.id() != null)
                .forEach(c -> conceptSchemes.putIfAbsent(c.id(), c.scheme()));
        unique("organizations", b.organizations(), Bundle.Organization::id, organizationIds);
        unique("posts", b.posts(), Bundle.Post::id, postIds);
        unique("persons", b.persons(), Bundle.Person::id, personIds);
        unique("power_items", b.powerItems(), Bundle.PowerItem::id, powerItemIds);
        unique("duties", b.duties(), Bundle.Duty::id, new HashSet<>());
        for (int i = 0; i < b.posts().size(); i++) {
            var post = b.posts().get(i);
            if (post != null && post.id() != null && organizationIds.contains(post.id())) {
                problems.add("$.posts[" + i + "].id", "AMBIGUOUS_ID", Text.of(OrgTexts.AMBIGUOUS_POST_ID, post.id()));
            }
        }
    }

    private <T> void unique(String section, List<T> entries, Function<T, String> id, Set<String> seen) {
        var firstIndex = new HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            if (entry == null) {
                continue;
            }
            var value = id.apply(entry);
            var path = "$." + section + "[" + i + "].id";
            if (value == null || value.isBlank()) {
                problems.add(path, "MISSING_FIELD", Text.of(OrgTexts.ENTRY_NEEDS_ID, section));
            } else if (!seen.add(value)) {
                problems.add(
                        path, "DUPLICATE_ID", Text.of(OrgTexts.DUPLICATE_ID, value, section, firstIndex.get(value)));
            } else {
                firstIndex.put(value, i);
            }
        }
    }

    private void areas(List<Bundle.Area> areas) {
        var parents = new HashMap<String, String>();
        for (int i = 0; i < areas.size(); i++) {
            var a = areas.get(i);
            if (a == null) continue;
            var p = "$.areas[" + i + "]";
            required(p, "name", a.name());
            reference(p, "parent_id", a.parentId(), "Area", areaIds);
            if (a.id() != null && a.parentId() != null) parents.put(a.id(), a.parentId());
        }
        cycles("areas", areas, Bundle.Area::id, parents, "parent_id");
    }

    private void concepts(List<Bundle.Concept> concepts) {
        var broader = new HashMap<String, String>();
        for (int i = 0; i < concepts.size(); i++) {
            var c = concepts.get(i);
            if (c == null) continue;
            var p = "$.concepts[" + i + "]";
            required(p, "label", c.label());
            oneOf(p, "scheme", c.scheme(), Vocabulary.CONCEPT_SCHEMES, true);
            reference(p, "broader_id", c.broaderId(), "Concept", conceptSchemes.keySet());
            var broaderScheme = conceptSchemes.get(c.broaderId());
            if (c.broaderId() != null
                    && broaderScheme != null
                    && c.scheme() != null
                    && !broaderScheme.equals(c.scheme())) {
                problems.add(
                        p + ".broader_id",
                        "SCHEME_MISMATCH",
                        Text.of(OrgTexts.SCHEME_NARROWER, c.id(), c.scheme(), c.broaderId(), broaderScheme));
            }
            altLabels(p, c.altLabels());
            if (c.id() != null && c.broaderId() != null) broader.put(c.id(), c.broaderId());
        }
        cycles("concepts", concepts, Bundle.Concept::id, broader, "broader_id");
    }

    private void altLabels(String path, List<String> labels) {
        if (labels.size() > MAX_ALT_LABELS) {
            problems.add(path + ".alt_labels", "TOO_MANY", Text.of(OrgTexts.TOO_MANY_ALT_LABELS, MAX_ALT_LABELS));
        }
        var seen = new HashSet<String>();
        for (int k = 0; k < labels.size(); k++) {
            if (labels.get(k) == null) continue; // reported as WRONG_TYPE when read
            var label = labels.get(k).strip();
            var p = path + ".alt_labels[" + k + "]";
            if (label.isEmpty()) {
                problems.add(p, "MISSING_FIELD", Text.of(OrgTexts.ALT_LABEL_EMPTY));
            } else if (label.codePointCount(0, label.length()) > MAX_LABEL) {
                problems.add(p, "TOO_LONG", Text.of(OrgTexts.ALT_LABEL_TOO_LONG, MAX_LABEL));
            } else if (!seen.add(label)) {
                problems.add(p, "DUPLICATE_VALUE", Text.of(OrgTexts.ALT_LABEL_TWICE, label));
            }
        }
    }

    private void organizations(List<Bundle.Organization> organizations) {
        var parents = new HashMap<String, String>();
        for (int i = 0; i < organizations.size(); i++) {
            var o = organizations.get(i);
            if (o == null) continue;
            var p = "$.organizations[" + i + "]";
            required(p, "name", o.name());
            oneOf(p, "classification", o.classification(), Vocabulary.ORGANIZATION_CLASSIFICATIONS, true);
            oneOf(p, "status", o.status(), Vocabulary.ORGANIZATION_STATUSES, false);
            reference(p, "parent_id", o.parentId(), "Organization", organizationIds);
            reference(p, "area_id", o.areaId(), "Area", areaIds);
            dates(p, "founding_date", o.foundingDate(), "dissolution_date", o.dissolutionDate());
            if ("dissolved".equals(o.status()) && o.dissolutionDate() == null) {
                problems.add(p + ".dissolution_date", "MISSING_FIELD", Text.of(OrgTexts.DISSOLVED_ORGANIZATION_DATE));
            }
            nonNegative(p + ".staffing", "quota", o.quota());
            nonNegative(p + ".staffing", "leadership_positions", o.leadershipPositions());
            if (o.quota() != null && o.leadershipPositions() != null && o.leadershipPositions() > o.quota()) {
                problems.add(
                        p + ".staffing.leadership_positions",
                        "OUT_OF_RANGE",
                        Text.of(OrgTexts.LEADERSHIP_OVER_QUOTA, o.leadershipPositions(), o.quota()));
            }
            if (o.id() != null && o.parentId() != null) parents.put(o.id(), o.parentId());
        }
        cycles("organizations", organizations, Bundle.Organization::id, parents, "parent_id");
    }

    private void posts(List<Bundle.Post> posts) {
        var reportsTo = new HashMap<String, String>();
        for (int i = 0; i < posts.size(); i++) {
            var post = posts.get(i);
            if (post == null) continue;
            var p = "$.posts[" + i + "]";
            required(p, "label", post.label());
            required(p, "organization_id", post.organizationId());
            reference(p, "organization_id", post.organizationId(), "Organization", organizationIds);
            oneOf(p, "role", post.role(), Vocabulary.POST_ROLES, false);
            oneOf(p, "class", post.postClass(), Vocabulary.POST_CLASSES, false);
            oneOf(p, "status", post.status(), Vocabulary.ORGANIZATION_STATUSES, false);
            dates(p, "start_date", post.startDate(), "end_date", post.endDate());
            if ("dissolved".equals(post.status()) && post.endDate() == null) {
                problems.add(p + ".end_date", "MISSING_FIELD", Text.of(OrgTexts.DISSOLVED_POST_DATE));
            }
            reference(p, "backup_post_id", post.backupPostId(), "Post", postIds);
            reference(p, "reports_to_post_id", post.reportsToPostId(), "Post", postIds);
            if (post.id() != null && post.id().equals(post.backupPostId())) {
                problems.add(p + ".backup_post_id", "SELF_REFERENCE", Text.of(OrgTexts.OWN_BACKUP));
            }
            if (post.id() != null && post.reportsToPostId() != null) reportsTo.put(post.id(), post.reportsToPostId());
        }
        cycles("posts", posts, Bundle.Post::id, reportsTo, "reports_to_post_id");
    }

    private void persons(List<Bundle.Person> persons) {
        for (int i = 0; i < persons.size(); i++) {
            var person = persons.get(i);
            if (person != null) required("$.persons[" + i + "]", "name", person.name());
        }
    }

    private void memberships(List<Bundle.Membership> memberships) {
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < memberships.size(); i++) {
            var m = memberships.get(i);
            if (m == null) continue;
            var p = "$.memberships[" + i + "]";
            required(p, "person_id", m.personId());
            required(p, "post_id", m.postId());
            reference(p, "person_id", m.personId(), "Person", personIds);
            reference(p, "post_id", m.postId(), "Post", postIds);
            reference(p, "seconded_from_id", m.secondedFromId(), "Organization", organizationIds);
            dates(p, "start_date", m.startDate(), "end_date", m.endDate());
            var key = m.personId() + "\u0000" + m.postId() + "\u0000" + m.startDate();
            var first = seen.putIfAbsent(key, i);
            if (first != null) {
                problems.add(p, "DUPLICATE_MEMBERSHIP", Text.of(OrgTexts.DUPLICATE_MEMBERSHIP, first));
            }
        }
    }

    private void supervision(List<Bundle.Supervision> supervision) {
        for (int i = 0; i < supervision.size(); i++) {
            var s = supervision.get(i);
            if (s == null) continue;
            var p = "$.supervision[" + i + "]";
            required(p, "post_id", s.postId());
            required(p, "organization_id", s.organizationId());
            reference(p, "post_id", s.postId(), "Post", postIds);
            reference(p, "organization_id", s.organizationId(), "Organization", organizationIds);
            oneOf(p, "kind", s.kind(), Vocabulary.SUPERVISION_KINDS, true);
        }
    }

    private void powerItems(List<Bundle.PowerItem> items) {
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (item == null) continue;
            var p = "$.power_items[" + i + "]";
            required(p, "name", item.name());
            oneOf(p, "category", item.category(), Vocabulary.POWER_CATEGORIES, true);
            oneOf(p, "status", item.status(), Vocabulary.ITEM_STATUSES, false);
            nonNegative(p, "statutory_days", item.statutoryDays());
            nonNegative(p, "committed_days", item.committedDays());
            if (item.statutoryDays() != null
                    && item.committedDays() != null
                    && item.committedDays() > item.statutoryDays()) {
                problems.add(
                        p + ".committed_days",
                        "OUT_OF_RANGE",
                        Text.of(OrgTexts.COMMITTED_OVER_STATUTORY, item.committedDays(), item.statutoryDays()));
            }
            withdrawal(p, item.status(), item.endDate());
            fees(p, item.fees());
        }
    }

    private void fees(String p, List<Bundle.Fee> fees) {
        var seen = new HashSet<String>();
        for (int k = 0; k < fees.size(); k++) {
            var fee = fees.get(k);
            if (fee == null) continue;
            var f = p + ".fees[" + k + "]";
            required(f, "item", fee.item());
            required(f, "amount", fee.amount());
            if (fee.item() != null && fee.item().length() > 200) {
                problems.add(f + ".item", "TOO_LONG", Text.of(OrgTexts.FEE_ITEM_TOO_LONG, 200));
            }
            if (fee.item() != null && !seen.add(fee.item())) {
                problems.add(f + ".item", "DUPLICATE_VALUE", Text.of(OrgTexts.FEE_TWICE, fee.item()));
            }
            if (fee.amount() != null && !Bundle.Fee.isAmount(fee.amount())) {
                problems.add(f + ".amount", "INVALID_VALUE", Text.of(OrgTexts.FEE_AMOUNT, fee.amount()));
            }
        }
    }

    private void duties(List<Bundle.Duty> duties) {
        for (int i = 0; i < duties.size(); i++) {
            var d = duties.get(i);
            if (d == null) continue;
            var p = "$.duties[" + i + "]";
            required(p, "holder_id", d.holderId());
            required(p, "text", d.text());
            if (d.holderId() != null && !organizationIds.contains(d.holderId()) && !postIds.contains(d.holderId())) {
                pending.computeIfAbsent("Holder", k -> new ArrayList<>())
                        .add(new PendingReference(p + ".holder_id", d.holderId(), "holder_id"));
            }
            conceptReference(p + ".action", d.action(), "action");
            for (int k = 0; k < d.objects().size(); k++) {
                conceptReference(p + ".objects[" + k + "]", d.objects().get(k), "object");
            }
            listedOnce(p, "objects", d.objects());
            reference(p, "area_id", d.areaId(), "Area", areaIds);
            for (int k = 0; k < d.powerItemIds().size(); k++) {
                reference(p + ".power_item_ids[" + k + "]", d.powerItemIds().get(k), "PowerItem", powerItemIds);
            }
            listedOnce(p, "power_item_ids", d.powerItemIds());
            oneOf(p, "role", d.role(), Vocabulary.DUTY_ROLES, false);
            oneOf(p, "status", d.status(), Vocabulary.ITEM_STATUSES, false);
            withdrawal(p, d.status(), d.endDate());
            if (d.arrangementId() != null && (d.role() == null || "sole".equals(d.role()))) {
                problems.add(
                        p + ".role", "INCONSISTENT_ARRANGEMENT", Text.of(OrgTexts.ARRANGEMENT_ROLE, d.arrangementId()));
            }
        }
    }

    private void conceptReference(String path, String id, String scheme) {
        if (id == null) return;
        var known = conceptSchemes.get(id);
        if (known == null) {
            pending.computeIfAbsent("Concept:" + scheme, k -> new ArrayList<>())
                    .add(new PendingReference(path, id, scheme));
        } else if (!scheme.equals(known)) {
            problems.add(path, "SCHEME_MISMATCH", Text.of(OrgTexts.SCHEME_NEEDED, id, known, scheme));
        }
    }

    private void reference(String path, String field, String id, String label, Set<String> inBundle) {
        if (id == null || inBundle.contains(id)) return;
        pending.computeIfAbsent(label, k -> new ArrayList<>()).add(new PendingReference(path + "." + field, id, field));
    }

    private void reference(String path, String id, String label, Set<String> inBundle) {
        if (id == null || inBundle.contains(id)) return;
        pending.computeIfAbsent(label, k -> new ArrayList<>()).add(new PendingReference(path, id, "power_item_ids"));
    }

    /** Looks up the references not found in the bundle among stored nodes; returns stored holder posts. */
    private Set<String> resolvePending() {
        var storedPosts = new HashSet<String>();
        pending.forEach((label, references) -> {
            var ids = references.stream().map(PendingReference::id).distinct().toList();
            if (label.equals("Holder")) {
                var found = new HashSet<>(existing.find("Organization", ids));
                var posts = existing.find("Post", ids);
                storedPosts.addAll(posts);
                found.addAll(posts);
                report(references, found, OrgNouns.ORGANIZATION_OR_POST);
            } else if (label.startsWith("Concept:")) {
                var scheme = label.substring("Concept:".length());
                var stored = existing.conceptSchemes(ids);
                for (var ref : references) {
                    var storedScheme = stored.get(ref.id());
                    if (storedScheme == null) {
                        problems.add(
                                ref.path(),
                                "UNKNOWN_REFERENCE",
                                Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgNouns.CONCEPT), ref.id()));
                    } else if (!storedScheme.equals(scheme)) {
                        problems.add(
                                ref.path(),
                                "SCHEME_MISMATCH",
                                Text.of(OrgTexts.SCHEME_NEEDED, ref.id(), storedScheme, scheme));
                    }
                }
            } else {
                report(references, existing.find(label, ids), describe(label));
            }
        });
        return storedPosts;
    }

    private void report(List<PendingReference> references, Set<String> found, OrgNouns what) {
        for (var ref : references) {
            if (!found.contains(ref.id())) {
                problems.add(
                        ref.path(),
                        "UNKNOWN_REFERENCE",
                        Text.of(OrgTexts.UNKNOWN_REFERENCE, ref.field(), ref.id(), Text.of(what)));
            }
        }
    }

    private static OrgNouns describe(String label) {
        return switch (label) {
            case "PowerItem" -> OrgNouns.POWER_ITEM;
            case "Post" -> OrgNouns.POST;
            case "Person" -> OrgNouns.PERSON;
            case "Area" -> OrgNouns.AREA;
            case "Concept" -> OrgNouns.CONCEPT;
            default -> OrgNouns.ORGANIZATION;
        };
    }

    private <T> void cycles(
            String section, List<T> entries, Function<T, String> id, Map<String, String> parent, String field) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            if (e != null && id.apply(e) != null) index.putIfAbsent(id.apply(e), i);
        }
        var done = new HashSet<String>();
        for (var start : parent.keySet()) {
            var trail = new ArrayList<String>();
            var onTrail = new HashSet<String>();
            var current = start;
            while (current != null && !done.contains(current) && onTrail.add(current)) {
                trail.add(current);
                current = parent.get(current);
            }
            if (current != null && onTrail.contains(current)) {
                var cycle = trail.subList(trail.indexOf(current), trail.size());
                var first = cycle.stream().min(String::compareTo).orElseThrow();
                problems.add(
                        "$." + section + "[" + index.get(first) + "]." + field,
                        "CYCLE",
                        Text.of(OrgTexts.CYCLE, field, String.join(" -> ", cycle) + " -> " + current));
            }
            done.addAll(trail);
        }
    }

    private void required(String path, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(path + "." + field, "MISSING_FIELD", Text.of(PlatformTexts.REQUIRED, field));
        }
    }

    private void oneOf(String path, String field, String value, Set<String> allowed, boolean isRequired) {
        if (value == null) {
            if (isRequired) required(path, field, null);
            return;
        }
        if (!allowed.contains(value)) {
            problems.add(
                    path + "." + field,
                    "UNKNOWN_VALUE",
                    Text.of(
                            OrgTexts.UNKNOWN_VALUE,
                            value,
                            field,
                            allowed.stream().sorted().toList()));
        }
    }

    private void nonNegative(String path, String field, Integer value) {
        if (value != null && value < 0) {
            problems.add(path + "." + field, "OUT_OF_RANGE", Text.of(OrgTexts.NOT_NEGATIVE, field));
        }
    }

    private void dates(String path, String startField, String start, String endField, String end) {
        var startOk = date(path, startField, start);
        var endOk = date(path, endField, end);
        if (startOk && endOk && start != null && end != null && end.compareTo(start) < 0) {
            problems.add(
                    path + "." + endField,
                    "OUT_OF_RANGE",
                    Text.of(OrgTexts.END_BEFORE_START, endField, end, startField, start));
        }
    }

    private boolean date(String path, String field, String value) {
        if (value == null) return true;
        if (!DATE.matcher(value).matches() || !realDate(value)) {
            problems.add(path + "." + field, "BAD_DATE", Text.of(OrgTexts.BAD_DATE, field, value));
            return false;
        }
        return true;
    }

    private static boolean realDate(String value) {
        try {
            if (value.length() == 10) java.time.LocalDate.parse(value);
            else if (value.length() == 7) java.time.YearMonth.parse(value);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** An id listed twice would be stored as two relationships, and read back twice. */
    private void listedOnce(String path, String field, List<String> ids) {
        var seen = new HashSet<String>();
        for (int k = 0; k < ids.size(); k++) {
            var id = ids.get(k);
            if (id != null && !seen.add(id)) {
                problems.add(
                        path + "." + field + "[" + k + "]",
                        "DUPLICATE_VALUE",
                        Text.of(OrgTexts.ID_LISTED_TWICE, id, field));
            }
        }
    }

    private void withdrawal(String path, String status, String endDate) {
        date(path, "end_date", endDate);
        if ("withdrawn".equals(status) && endDate == null) {
            problems.add(path + ".end_date", "MISSING_FIELD", Text.of(OrgTexts.WITHDRAWN_END_DATE));
        }
    }

    private record PendingReference(String path, String id, String field) {}
}
