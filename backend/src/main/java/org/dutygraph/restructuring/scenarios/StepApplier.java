package org.dutygraph.restructuring.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks a step against the organisation as the steps before it left it, and applies it only when nothing is
 * wrong: every problem comes back with the path of the offending field under {@code path}.
 */
final class StepApplier {

    private final OrgDraft org;
    private final List<String> path;
    private final List<StepProblem> problems = new ArrayList<>();

    private StepApplier(OrgDraft org, List<String> path) {
        this.org = org;
        this.path = path;
    }

    static List<StepProblem> apply(OrgDraft org, ScenarioStep step, List<String> path) {
        var applier = new StepApplier(org, path);
        if (step.kind() == null) {
            applier.problem(ScenarioTexts.MISSING_FIELD, "kind", "kind");
            return applier.problems;
        }
        applier.run(step);
        return applier.problems;
    }

    private void run(ScenarioStep s) {
        switch (s.kind()) {
            case MOVE_DUTIES -> moveDuties(s);
            case MOVE_DUTIES_ON_OBJECT -> moveDutiesOnObject(s);
            case MERGE_UNITS -> mergeUnits(s);
            case RENAME_UNIT -> {
                if (unit(s.unitId(), "unitId") & required(s.name(), "name")) org.renameUnit(s.unitId(), s.name());
            }
            case CREATE_UNIT -> createUnit(s);
            case DISSOLVE_UNIT -> dissolveUnit(s);
            case MOVE_UNIT -> moveUnit(s);
            case CREATE_POST -> createPost(s);
            case MOVE_POST -> {
                if (post(s.postId(), "postId") & unit(s.unitId(), "unitId")) org.movePost(s.postId(), s.unitId());
            }
            case ABOLISH_POST -> {
                if (post(s.postId(), "postId")) org.abolishPost(s.postId());
            }
            case SET_SUPERVISION -> setSupervision(s);
            case SET_REPORTS_TO -> setReportsTo(s);
            case SET_QUOTA -> setQuota(s);
            case SET_ARRANGEMENT -> setArrangement(s);
            case SPLIT_UNIT -> new UnitSplit(this, org).run(s);
            case EDIT_DUTY -> editDuty(s);
        }
    }

    /** Longest duty wording a step may set (a 三定 duty is a sentence or a paragraph). */
    static final int MAX_TEXT = 2_000;

    private void editDuty(ScenarioStep s) {
        if (!required(s.dutyId(), "dutyId")) return;
        if (!org.activeDuty(s.dutyId())) {
            problem(ScenarioTexts.UNKNOWN_DUTY, "dutyId", s.dutyId());
            return;
        }
        if (s.text() == null && s.actionId() == null && s.objectIds() == null && s.powerItemIds() == null) {
            problem(ScenarioTexts.NOTHING_TO_CHANGE, "dutyId");
            return;
        }
        boolean ok = true;
        if (s.text() != null) {
            if (s.text().isBlank()) {
                problem(ScenarioTexts.MISSING_FIELD, "text", "text");
                ok = false;
            } else if (s.text().codePointCount(0, s.text().length()) > MAX_TEXT) {
                problem(ScenarioTexts.TOO_LONG, "text", MAX_TEXT);
                ok = false;
            }
        }
        if (s.actionId() != null && !"action".equals(org.conceptSchemes.get(s.actionId()))) {
            problem(ScenarioTexts.UNKNOWN_ACTION, "actionId", s.actionId());
            ok = false;
        }
        ok &= eachOnce(
                s.objectIds(),
                "objectIds",
                id -> "object".equals(org.conceptSchemes.get(id)),
                ScenarioTexts.UNKNOWN_CONCEPT);
        ok &= eachOnce(s.powerItemIds(), "powerItemIds", org.powerItems::contains, ScenarioTexts.UNKNOWN_POWER_ITEM);
        if (ok) org.editDuty(s.dutyId(), s.text(), s.actionId(), s.objectIds(), s.powerItemIds());
    }

    /** Each id known and listed once; problems at {@code field.i}. Null is fine (nothing given). */
    boolean eachOnce(
            List<String> ids, String field, java.util.function.Predicate<String> known, ScenarioTexts unknown) {
        if (ids == null) return true;
        boolean ok = true;
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            if (!seen.add(id)) {
                problem(ScenarioTexts.DUPLICATE, List.of(field, String.valueOf(i)), id);
                ok = false;
            } else if (!known.test(id)) {
                problem(unknown, List.of(field, String.valueOf(i)), id);
                ok = false;
            }
        }
        return ok;
    }

    private void moveDuties(ScenarioStep s) {
        boolean ok = holder(s.toHolderId(), "toHolderId");
        if (s.dutyIds() == null || s.dutyIds().isEmpty()) {
            problem(ScenarioTexts.MISSING_FIELD, "dutyIds", "dutyIds");
            return;
        }
        for (int i = 0; i < s.dutyIds().size(); i++) {
            if (!org.activeDuty(s.dutyIds().get(i))) {
                problem(
                        ScenarioTexts.UNKNOWN_DUTY,
                        List.of("dutyIds", String.valueOf(i)),
                        s.dutyIds().get(i));
                ok = false;
            }
        }
        if (ok) s.dutyIds().forEach(d -> org.moveDuty(d, s.toHolderId()));
    }

    private void moveDutiesOnObject(ScenarioStep s) {
        boolean ok = holder(s.toHolderId(), "toHolderId");
        if (!required(s.objectId(), "objectId")) return;
        if (!"object".equals(org.conceptSchemes.get(s.objectId()))) {
            problem(ScenarioTexts.UNKNOWN_CONCEPT, "objectId", s.objectId());
            return;
        }
        if (s.fromUnitId() != null && !unit(s.fromUnitId(), "fromUnitId")) return;
        var moving = org.duties.values().stream()
                .filter(d -> org.activeDuty(d.id())
                        && d.objects() != null
                        && d.objects().stream().anyMatch(o -> org.conceptWithin(o, s.objectId())))
                .filter(d -> s.fromUnitId() == null || org.unitWithin(org.unitOf(d.holderId()), s.fromUnitId()))
                .filter(d -> !d.holderId().equals(s.toHolderId()))
                .map(d -> d.id())
                .toList();
        if (moving.isEmpty()) {
            problem(ScenarioTexts.NOTHING_TO_MOVE, "objectId", s.objectId());
            return;
        }
        if (ok) moving.forEach(d -> org.moveDuty(d, s.toHolderId()));
    }

    private void mergeUnits(ScenarioStep s) {
        var sources = s.unitIds() == null ? List.<String>of() : List.copyOf(new LinkedHashSet<>(s.unitIds()));
        if (sources.size() < 2) {
            problem(ScenarioTexts.TOO_FEW_UNITS, "unitIds");
            return;
        }
        boolean ok = required(s.targetUnitId(), "targetUnitId");
        for (int i = 0; i < sources.size(); i++) {
            if (!org.activeUnit(sources.get(i))) {
                problem(ScenarioTexts.UNKNOWN_UNIT, List.of("unitIds", String.valueOf(i)), sources.get(i));
                ok = false;
            }
        }
        if (!ok) return;
        for (var a : sources) {
            for (var b : sources) {
                if (!a.equals(b) && org.unitWithin(a, b)) {
                    problem(ScenarioTexts.NESTED_UNITS, "unitIds", a);
                    return;
                }
            }
        }
        var target = s.targetUnitId();
        var first = org.units.get(sources.get(0));
        if (!sources.contains(target)) {
            if (org.idInUse(target)) {
                problem(ScenarioTexts.ID_IN_USE, "targetUnitId", target);
                return;
            }
            if (!required(s.name(), "name")) return;
            var parent = s.parentId() != null ? s.parentId() : first.parentId();
            if (s.parentId() != null && !unit(s.parentId(), "parentId")) return;
            if (parent != null && sources.stream().anyMatch(u -> org.unitWithin(parent, u))) {
                problem(ScenarioTexts.CYCLE, "parentId", parent);
                return;
            }
            var quota = s.quota() != null
                    ? s.quota()
                    : sources.stream()
                            .map(u -> org.units.get(u).quota())
                            .filter(java.util.Objects::nonNull)
                            .reduce(Integer::sum)
                            .orElse(null);
            org.putUnit(
                    target, s.name(), classification(s.classification(), first.classification()), parent, null, quota);
        } else if (s.name() != null) {
            org.renameUnit(target, s.name());
        }
        for (var source : sources) {
            if (!source.equals(target)) absorb(source, target);
        }
    }

    /** Moves everything of {@code source} (sub-units, posts, duties, supervision) to {@code target}, then dissolves it. */
    private void absorb(String source, String target) {
        org.units.values().stream()
                .filter(u -> source.equals(u.parentId()) && org.activeUnit(u.id()))
                .map(u -> u.id())
                .toList()
                .forEach(u -> org.moveUnit(u, target));
        org.posts.values().stream()
                .filter(p -> source.equals(p.organizationId()) && org.activePost(p.id()))
                .map(p -> p.id())
                .toList()
                .forEach(p -> org.movePost(p, target));
        org.duties.values().stream()
                .filter(d -> source.equals(d.holderId()))
                .map(d -> d.id())
                .toList()
                .forEach(d -> org.moveDuty(d, target));
        var moved = org.supervision.stream()
                .filter(x -> x.organizationId().equals(source))
                .map(x -> new org.dutygraph.org.bundle.Bundle.Supervision(x.postId(), target, x.kind()))
                .toList();
        org.dissolveUnit(source);
        moved.forEach(x -> {
            if (!org.supervision.contains(x)) org.supervision.add(x);
        });
    }

    private void createUnit(ScenarioStep s) {
        boolean ok = required(s.unitId(), "unitId")
                & required(s.name(), "name")
                & required(s.classification(), "classification");
        if (s.unitId() != null && org.idInUse(s.unitId())) {
            problem(ScenarioTexts.ID_IN_USE, "unitId", s.unitId());
            ok = false;
        }
        if (s.classification() != null && !OrgDraft.CLASSIFICATIONS.contains(s.classification())) {
            problem(ScenarioTexts.UNKNOWN_VALUE, "classification", s.classification());
            ok = false;
        }
        if (s.parentId() != null) ok &= unit(s.parentId(), "parentId");
        ok &= quota(s.quota());
        if (ok) org.putUnit(s.unitId(), s.name(), s.classification(), s.parentId(), null, s.quota());
    }

    private void dissolveUnit(ScenarioStep s) {
        if (!unit(s.unitId(), "unitId")) return;
        if (org.units.values().stream().anyMatch(u -> s.unitId().equals(u.parentId()) && org.activeUnit(u.id()))) {
            problem(ScenarioTexts.HAS_SUB_UNITS, "unitId", s.unitId());
            return;
        }
        org.posts.values().stream()
                .filter(p -> s.unitId().equals(p.organizationId()) && org.activePost(p.id()))
                .map(p -> p.id())
                .toList()
                .forEach(org::abolishPost);
        org.dissolveUnit(s.unitId());
    }

    private void moveUnit(ScenarioStep s) {
        if (!(unit(s.unitId(), "unitId") & unit(s.parentId(), "parentId"))) return;
        if (org.unitWithin(s.parentId(), s.unitId())) {
            problem(ScenarioTexts.CYCLE, "parentId", s.parentId());
            return;
        }
        org.moveUnit(s.unitId(), s.parentId());
    }

    private void createPost(ScenarioStep s) {
        boolean ok = required(s.postId(), "postId")
                & required(s.label(), "label")
                & unit(s.unitId(), "unitId")
                & required(s.role(), "role");
        if (s.postId() != null && org.idInUse(s.postId())) {
            problem(ScenarioTexts.ID_IN_USE, "postId", s.postId());
            ok = false;
        }
        if (s.role() != null && !OrgDraft.ROLES.contains(s.role())) {
            problem(ScenarioTexts.UNKNOWN_VALUE, "role", s.role());
            ok = false;
        }
        if (s.reportsToPostId() != null) ok &= post(s.reportsToPostId(), "reportsToPostId");
        if (ok) org.putPost(s.postId(), s.label(), s.unitId(), s.role(), null, s.reportsToPostId(), null);
    }

    private void setSupervision(ScenarioStep s) {
        var kind = s.supervisionKind() == null ? "in_charge" : s.supervisionKind();
        boolean ok = unit(s.unitId(), "unitId");
        if (!kind.equals("in_charge") && !kind.equals("principal")) {
            problem(ScenarioTexts.UNKNOWN_VALUE, "supervisionKind", kind);
            ok = false;
        }
        if (s.supervisorPostId() != null) ok &= post(s.supervisorPostId(), "supervisorPostId");
        if (!ok) return;
        org.supervision.removeIf(x -> x.organizationId().equals(s.unitId()) && kind.equals(x.kind()));
        if (s.supervisorPostId() != null) {
            org.supervision.add(
                    new org.dutygraph.org.bundle.Bundle.Supervision(s.supervisorPostId(), s.unitId(), kind));
        }
    }

    private void setReportsTo(ScenarioStep s) {
        boolean ok = post(s.postId(), "postId");
        if (s.reportsToPostId() != null) ok &= post(s.reportsToPostId(), "reportsToPostId");
        if (!ok) return;
        if (s.reportsToPostId() != null && org.reportsWithin(s.reportsToPostId(), s.postId())) {
            problem(ScenarioTexts.CYCLE, "reportsToPostId", s.reportsToPostId());
            return;
        }
        org.setReportsTo(s.postId(), s.reportsToPostId());
    }

    /** One lead duty and its cooperating duties form one arrangement (主办/协办): an overlap among them is settled. */
    private void setArrangement(ScenarioStep s) {
        boolean ok = required(s.arrangementId(), "arrangementId") & required(s.leadDutyId(), "leadDutyId");
        if (s.leadDutyId() != null && !org.activeDuty(s.leadDutyId())) {
            problem(ScenarioTexts.UNKNOWN_DUTY, "leadDutyId", s.leadDutyId());
            ok = false;
        }
        var cooperating = s.dutyIds() == null ? List.<String>of() : s.dutyIds();
        if (cooperating.isEmpty()) {
            problem(ScenarioTexts.MISSING_FIELD, "dutyIds", "dutyIds");
            ok = false;
        }
        for (int i = 0; i < cooperating.size(); i++) {
            var duty = cooperating.get(i);
            if (!org.activeDuty(duty) || duty.equals(s.leadDutyId())) {
                problem(ScenarioTexts.UNKNOWN_DUTY, List.of("dutyIds", String.valueOf(i)), duty);
                ok = false;
            }
        }
        if (!ok) return;
        org.setArrangement(s.leadDutyId(), "lead", s.arrangementId());
        cooperating.forEach(d -> org.setArrangement(d, "cooperate", s.arrangementId()));
    }

    private void setQuota(ScenarioStep s) {
        if (unit(s.unitId(), "unitId") & required(s.quota(), "quota") && quota(s.quota())) {
            org.setQuota(s.unitId(), s.quota());
        }
    }

    static String classification(String given, String fallback) {
        return given != null && OrgDraft.CLASSIFICATIONS.contains(given) ? given : fallback;
    }

    boolean quota(Integer quota) {
        if (quota != null && quota < 0) {
            problem(ScenarioTexts.NEGATIVE, "quota");
            return false;
        }
        return true;
    }

    boolean required(Object value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            problem(ScenarioTexts.MISSING_FIELD, field, field);
            return false;
        }
        return true;
    }

    boolean unit(String id, String field) {
        if (!required(id, field)) return false;
        if (!org.activeUnit(id)) {
            problem(ScenarioTexts.UNKNOWN_UNIT, field, id);
            return false;
        }
        return true;
    }

    boolean post(String id, String field) {
        if (!required(id, field)) return false;
        if (!org.activePost(id)) {
            problem(ScenarioTexts.UNKNOWN_POST, field, id);
            return false;
        }
        return true;
    }

    private boolean holder(String id, String field) {
        if (!required(id, field)) return false;
        if (!org.activeUnit(id) && !org.activePost(id)) {
            problem(ScenarioTexts.UNKNOWN_HOLDER, field, id);
            return false;
        }
        return true;
    }

    void problem(ScenarioTexts text, String field, Object... args) {
        problem(text, List.of(field), args);
    }

    void problem(ScenarioTexts text, List<String> field, Object... args) {
        var full = new ArrayList<>(path);
        full.addAll(field);
        problems.add(text.at(full, args));
    }
}
