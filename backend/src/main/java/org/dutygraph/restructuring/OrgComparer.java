package org.dutygraph.restructuring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.dutygraph.conflicts.BundleAnalysis;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.Bundle;

/** Compares two validated organisation states, analysing each with the conflict engine. */
public final class OrgComparer {

    private final BundleAnalysis analysis;

    public OrgComparer(BundleAnalysis analysis) {
        this.analysis = analysis;
    }

    /** @param today the day whose memberships say which posts are filled, on both sides */
    public OrgComparison compare(Bundle before, Bundle after, LocalDate today) {
        return compare(
                state(before, analysis.analyze(before, today)), state(after, analysis.analyze(after, today)), today);
    }

    public static OrgComparison compare(OrgComparison.State before, OrgComparison.State after, LocalDate today) {
        var matched = FindingMatcher.match(before.findings(), after.findings());
        var holdersBefore = activeDutyHolders(before.bundle());
        var holdersAfter = activeDutyHolders(after.bundle());
        var moved = new ArrayList<OrgComparison.DutyMove>();
        var dropped = new ArrayList<String>();
        holdersBefore.forEach((duty, holder) -> {
            if (!holdersAfter.containsKey(duty)) dropped.add(duty);
            else if (!Objects.equals(holder, holdersAfter.get(duty)))
                moved.add(new OrgComparison.DutyMove(duty, holder, holdersAfter.get(duty)));
        });
        var added = holdersAfter.keySet().stream()
                .filter(d -> !holdersBefore.containsKey(d))
                .toList();
        return new OrgComparison(
                before,
                after,
                matched.resolved(),
                matched.created(),
                matched.persisting(),
                moved,
                dropped,
                added,
                staffing(before.bundle(), after.bundle(), today),
                SpansOfControl.of(before.bundle(), after.bundle()));
    }

    public static OrgComparison.State state(Bundle bundle, List<Finding> findings) {
        int units = (int) bundle.organizations().stream()
                .filter(o -> !"dissolved".equals(o.status()))
                .count();
        int posts = (int) bundle.posts().stream()
                .filter(p -> !"dissolved".equals(p.status()))
                .count();
        return new OrgComparison.State(
                bundle, findings, units, posts, activeDutyHolders(bundle).size());
    }

    /** Active duties (ordered by id) and who holds them. */
    static Map<String, String> activeDutyHolders(Bundle bundle) {
        var holders = new java.util.TreeMap<String, String>();
        bundle.duties().stream()
                .filter(d -> !"withdrawn".equals(d.status()))
                .forEach(d -> holders.put(d.id(), d.holderId()));
        return holders;
    }

    private static List<OrgComparison.Staffing> staffing(Bundle before, Bundle after, LocalDate today) {
        var quotaBefore = quotas(before);
        var quotaAfter = quotas(after);
        var units = new TreeSet<String>(quotaBefore.keySet());
        units.addAll(quotaAfter.keySet());
        var filledBefore = new Filled(before, quotaBefore.keySet(), today);
        var filledAfter = new Filled(after, quotaAfter.keySet(), today);
        var rows = new ArrayList<OrgComparison.Staffing>();
        for (var unit : units) {
            rows.add(new OrgComparison.Staffing(
                    unit, quotaBefore.get(unit), quotaAfter.get(unit), filledBefore.of(unit), filledAfter.of(unit)));
        }
        return rows;
    }

    private static Map<String, Integer> quotas(Bundle bundle) {
        var quotas = new LinkedHashMap<String, Integer>();
        bundle.organizations().stream()
                .filter(o -> !"dissolved".equals(o.status()) && o.quota() != null)
                .forEach(o -> quotas.put(o.id(), o.quota()));
        return quotas;
    }

    /**
     * People holding a post today in a unit, counted against the unit's quota: the posts of the unit and of its
     * sections and sub-units, down to those with a quota of their own (a department's quota covers its sections).
     */
    private static final class Filled {

        private final Map<String, String> parentOf = new HashMap<>();
        private final Map<String, Set<String>> holdersByUnit = new HashMap<>();
        private final Set<String> withQuota;

        Filled(Bundle bundle, Set<String> withQuota, LocalDate today) {
            this.withQuota = withQuota;
            var day = today.toString();
            var active = new HashSet<String>();
            bundle.organizations().stream()
                    .filter(o -> !"dissolved".equals(o.status()))
                    .forEach(o -> {
                        active.add(o.id());
                        if (o.parentId() != null) parentOf.put(o.id(), o.parentId());
                    });
            var unitOfPost = new HashMap<String, String>();
            bundle.posts().stream()
                    .filter(p -> !"dissolved".equals(p.status()) && active.contains(p.organizationId()))
                    .forEach(p -> unitOfPost.put(p.id(), p.organizationId()));
            for (var m : bundle.memberships()) {
                var start = m.startDate() == null ? "" : m.startDate();
                var unit = unitOfPost.get(m.postId());
                if (unit != null
                        && start.compareTo(day) <= 0
                        && (m.endDate() == null || m.endDate().compareTo(day) >= 0)) {
                    holdersByUnit
                            .computeIfAbsent(accountable(unit), u -> new HashSet<>())
                            .add(m.personId());
                }
            }
        }

        /** The nearest unit at or above this one with a quota (the unit itself when none has). */
        private String accountable(String unit) {
            for (String u = unit; u != null; u = parentOf.get(u)) {
                if (withQuota.contains(u)) return u;
            }
            return unit;
        }

        Integer of(String unit) {
            return withQuota.contains(unit)
                    ? holdersByUnit.getOrDefault(unit, Set.of()).size()
                    : null;
        }
    }
}
