package org.dutygraph.restructuring.scenarios;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.org.bundle.Bundle;

/**
 * An organisation being changed by scenario steps: the base bundle's units, posts, duties and supervision by id,
 * changed in memory. Removing keeps history as a bundle does: a dissolved unit or abolished post stays with its
 * status and end date. {@link #bundle()} is the target state, a whole org-bundle/1 document.
 */
final class OrgDraft {

    static final Set<String> ROLES =
            Set.of("principal", "deputy", "head", "deputy_head", "staff", "chief_representative");
    static final Set<String> CLASSIFICATIONS = Set.of(
            "government",
            "department",
            "institution",
            "sub_unit",
            "section",
            "subdistrict",
            "community",
            "station",
            "township",
            "zone_committee",
            "service_centre",
            "window");

    private final Bundle base;
    final String today;
    final Map<String, Bundle.Organization> units = new LinkedHashMap<>();
    final Map<String, Bundle.Post> posts = new LinkedHashMap<>();
    final Map<String, Bundle.Duty> duties = new LinkedHashMap<>();
    final List<Bundle.Supervision> supervision = new ArrayList<>();
    final Map<String, String> conceptSchemes = new HashMap<>();
    final Map<String, String> conceptParents = new HashMap<>();
    /** Power items that are not withdrawn. */
    final Set<String> powerItems = new java.util.HashSet<>();

    OrgDraft(Bundle base, LocalDate today) {
        this.base = base;
        this.today = today.toString();
        base.organizations().forEach(o -> units.put(o.id(), o));
        base.posts().forEach(p -> posts.put(p.id(), p));
        base.duties().forEach(d -> duties.put(d.id(), d));
        supervision.addAll(base.supervision());
        base.powerItems().stream().filter(i -> !"withdrawn".equals(i.status())).forEach(i -> powerItems.add(i.id()));
        base.concepts().forEach(c -> {
            conceptSchemes.put(c.id(), c.scheme());
            if (c.broaderId() != null) conceptParents.put(c.id(), c.broaderId());
        });
    }

    Bundle bundle() {
        return new Bundle(
                base.format(),
                base.source(),
                base.areas(),
                base.concepts(),
                List.copyOf(units.values()),
                List.copyOf(posts.values()),
                base.persons(),
                base.memberships(),
                List.copyOf(supervision),
                base.powerItems(),
                List.copyOf(duties.values()));
    }

    boolean activeUnit(String id) {
        var u = id == null ? null : units.get(id);
        return u != null && !"dissolved".equals(u.status());
    }

    boolean activePost(String id) {
        var p = id == null ? null : posts.get(id);
        return p != null && !"dissolved".equals(p.status());
    }

    boolean activeDuty(String id) {
        var d = id == null ? null : duties.get(id);
        return d != null && !"withdrawn".equals(d.status());
    }

    boolean idInUse(String id) {
        return units.containsKey(id) || posts.containsKey(id);
    }

    /** True when {@code ancestor} is {@code unit} or above it. */
    boolean unitWithin(String unit, String ancestor) {
        for (String u = unit; u != null; u = units.containsKey(u) ? units.get(u).parentId() : null) {
            if (u.equals(ancestor)) return true;
        }
        return false;
    }

    boolean conceptWithin(String concept, String ancestor) {
        for (String c = concept; c != null; c = conceptParents.get(c)) {
            if (c.equals(ancestor)) return true;
        }
        return false;
    }

    boolean reportsWithin(String post, String above) {
        var seen = new java.util.HashSet<String>();
        for (String p = post;
                p != null && seen.add(p);
                p = posts.containsKey(p) ? posts.get(p).reportsToPostId() : null) {
            if (p.equals(above)) return true;
        }
        return false;
    }

    /** The unit a holder (unit or post) stands in. */
    String unitOf(String holder) {
        return posts.containsKey(holder) ? posts.get(holder).organizationId() : holder;
    }

    void moveDuty(String id, String holder) {
        var d = duties.get(id);
        duties.put(
                id,
                new Bundle.Duty(
                        d.id(),
                        holder,
                        d.text(),
                        d.action(),
                        d.objects(),
                        d.areaId(),
                        d.powerItemIds(),
                        d.basis(),
                        d.role(),
                        d.arrangementId(),
                        d.status(),
                        d.endDate()));
    }

    /** Replaces the given parts of a duty's content; null leaves a part as it is. */
    void editDuty(String id, String text, String action, List<String> objects, List<String> powerItemIds) {
        var d = duties.get(id);
        duties.put(
                id,
                new Bundle.Duty(
                        d.id(),
                        d.holderId(),
                        text != null ? text : d.text(),
                        action != null ? action : d.action(),
                        objects != null ? List.copyOf(objects) : d.objects(),
                        d.areaId(),
                        powerItemIds != null ? List.copyOf(powerItemIds) : d.powerItemIds(),
                        d.basis(),
                        d.role(),
                        d.arrangementId(),
                        d.status(),
                        d.endDate()));
    }

    void setArrangement(String id, String role, String arrangementId) {
        var d = duties.get(id);
        duties.put(
                id,
                new Bundle.Duty(
                        d.id(),
                        d.holderId(),
                        d.text(),
                        d.action(),
                        d.objects(),
                        d.areaId(),
                        d.powerItemIds(),
                        d.basis(),
                        role,
                        arrangementId,
                        d.status(),
                        d.endDate()));
    }

    void putUnit(String id, String name, String classification, String parentId, String status, Integer quota) {
        var u = units.get(id);
        if (u == null) {
            units.put(
                    id,
                    new Bundle.Organization(
                            id, name, List.of(), classification, parentId, null, today, null, status, quota, null));
        } else {
            units.put(
                    id,
                    new Bundle.Organization(
                            id,
                            name,
                            u.otherNames(),
                            classification,
                            parentId,
                            u.areaId(),
                            u.foundingDate(),
                            "dissolved".equals(status) ? today : u.dissolutionDate(),
                            status,
                            quota,
                            u.leadershipPositions()));
        }
    }

    void renameUnit(String id, String name) {
        var u = units.get(id);
        putUnit(id, name, u.classification(), u.parentId(), u.status(), u.quota());
    }

    void moveUnit(String id, String parentId) {
        var u = units.get(id);
        putUnit(id, u.name(), u.classification(), parentId, u.status(), u.quota());
    }

    void setQuota(String id, Integer quota) {
        var u = units.get(id);
        putUnit(id, u.name(), u.classification(), u.parentId(), u.status(), quota);
    }

    void dissolveUnit(String id) {
        var u = units.get(id);
        putUnit(id, u.name(), u.classification(), u.parentId(), "dissolved", u.quota());
        supervision.removeIf(s -> s.organizationId().equals(id));
    }

    void putPost(
            String id, String label, String unitId, String role, String postClass, String reportsTo, String status) {
        var p = posts.get(id);
        if (p == null) {
            posts.put(id, new Bundle.Post(id, label, unitId, role, postClass, today, null, null, reportsTo, status));
        } else {
            posts.put(
                    id,
                    new Bundle.Post(
                            id,
                            label,
                            unitId,
                            role,
                            postClass,
                            p.startDate(),
                            "dissolved".equals(status) ? today : p.endDate(),
                            p.backupPostId(),
                            reportsTo,
                            status));
        }
    }

    void movePost(String id, String unitId) {
        var p = posts.get(id);
        putPost(id, p.label(), unitId, p.role(), p.postClass(), p.reportsToPostId(), p.status());
    }

    void setReportsTo(String id, String reportsTo) {
        var p = posts.get(id);
        putPost(id, p.label(), p.organizationId(), p.role(), p.postClass(), reportsTo, p.status());
    }

    void abolishPost(String id) {
        var p = posts.get(id);
        putPost(id, p.label(), p.organizationId(), p.role(), p.postClass(), p.reportsToPostId(), "dissolved");
        supervision.removeIf(s -> s.postId().equals(id));
    }

    /** Active duties whose holder is a dissolved unit or abolished post (or a post of a dissolved unit). */
    List<StepProblem> dutiesWithoutHolder() {
        var problems = new ArrayList<StepProblem>();
        duties.values().stream().filter(d -> !"withdrawn".equals(d.status())).forEach(d -> {
            var holder = d.holderId();
            boolean held = posts.containsKey(holder)
                    ? activePost(holder) && activeUnit(posts.get(holder).organizationId())
                    : activeUnit(holder);
            if (!held) {
                problems.add(ScenarioTexts.DUTY_WITHOUT_HOLDER.at(List.of("duties", d.id()), d.id(), holder));
            }
        });
        return problems;
    }
}
