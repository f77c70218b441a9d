package org.dutygraph.restructuring.scenarios;

import java.util.List;
import java.util.Objects;

/**
 * SPLIT_UNIT: a new unit (or section) beside the one split, under the same parent unless {@code parentId} says
 * otherwise, takes the sub-units, posts and duties listed from it; the unit split keeps the rest. A quota given to
 * the new unit comes out of the split unit's quota. Posts take their duties with them.
 */
final class UnitSplit {

    private final StepApplier check;
    private final OrgDraft org;

    UnitSplit(StepApplier check, OrgDraft org) {
        this.check = check;
        this.org = org;
    }

    void run(ScenarioStep s) {
        if (!check.unit(s.unitId(), "unitId")) return;
        var source = org.units.get(s.unitId());
        boolean ok = check.required(s.targetUnitId(), "targetUnitId") & check.required(s.name(), "name");
        if (s.targetUnitId() != null && org.idInUse(s.targetUnitId())) {
            check.problem(ScenarioTexts.ID_IN_USE, "targetUnitId", s.targetUnitId());
            ok = false;
        }
        if (s.classification() != null && !OrgDraft.CLASSIFICATIONS.contains(s.classification())) {
            check.problem(ScenarioTexts.UNKNOWN_VALUE, "classification", s.classification());
            ok = false;
        }
        var parent = s.parentId() != null ? s.parentId() : source.parentId();
        if (s.parentId() != null) {
            if (!check.unit(s.parentId(), "parentId")) {
                ok = false;
            } else if (s.unitIds() != null && s.unitIds().stream().anyMatch(u -> org.unitWithin(s.parentId(), u))) {
                check.problem(ScenarioTexts.CYCLE, "parentId", s.parentId()); // under a unit that moves under it
                ok = false;
            }
        }
        ok &= check.quota(s.quota()) && quotaFits(s);
        ok &= check.eachOnce(s.unitIds(), "unitIds", this::activeUnit, ScenarioTexts.UNKNOWN_UNIT)
                && inSource(s.unitIds(), "unitIds", u -> org.units.get(u).parentId(), s.unitId());
        ok &= check.eachOnce(s.postIds(), "postIds", org::activePost, ScenarioTexts.UNKNOWN_POST)
                && inSource(s.postIds(), "postIds", p -> org.posts.get(p).organizationId(), s.unitId());
        ok &= check.eachOnce(s.dutyIds(), "dutyIds", org::activeDuty, ScenarioTexts.UNKNOWN_DUTY)
                && inSource(
                        s.dutyIds(),
                        "dutyIds",
                        d -> org.unitOf(org.duties.get(d).holderId()),
                        s.unitId());
        if (empty(s.unitIds()) && empty(s.postIds()) && empty(s.dutyIds())) {
            check.problem(ScenarioTexts.MISSING_FIELD, "dutyIds", "dutyIds, postIds, unitIds");
            ok = false;
        }
        if (!ok) return;
        var target = s.targetUnitId();
        org.putUnit(
                target,
                s.name(),
                StepApplier.classification(s.classification(), source.classification()),
                parent,
                null,
                s.quota());
        if (s.quota() != null && source.quota() != null) org.setQuota(s.unitId(), source.quota() - s.quota());
        if (s.unitIds() != null) s.unitIds().forEach(u -> org.moveUnit(u, target));
        if (s.postIds() != null) s.postIds().forEach(p -> org.movePost(p, target));
        if (s.dutyIds() != null) {
            s.dutyIds().stream()
                    .filter(d -> s.postIds() == null
                            || !s.postIds().contains(org.duties.get(d).holderId()))
                    .forEach(d -> org.moveDuty(d, target));
        }
    }

    private boolean activeUnit(String id) {
        return org.activeUnit(id);
    }

    /** Everything listed stands directly in the unit split (a duty: held by it or one of its posts). */
    private boolean inSource(
            List<String> ids, String field, java.util.function.Function<String, String> unitOf, String source) {
        if (ids == null) return true;
        boolean ok = true;
        for (int i = 0; i < ids.size(); i++) {
            if (!Objects.equals(unitOf.apply(ids.get(i)), source)) {
                check.problem(ScenarioTexts.NOT_IN_UNIT, List.of(field, String.valueOf(i)), ids.get(i), source);
                ok = false;
            }
        }
        return ok;
    }

    /** The new unit's quota comes out of the split unit's, which cannot go below zero. */
    private boolean quotaFits(ScenarioStep s) {
        var left = org.units.get(s.unitId()).quota();
        if (s.quota() != null && left != null && s.quota() > left) {
            check.problem(ScenarioTexts.NEGATIVE, "quota");
            return false;
        }
        return true;
    }

    private static boolean empty(List<String> ids) {
        return ids == null || ids.isEmpty();
    }
}
