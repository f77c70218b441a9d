package org.dutygraph.appraisal.rounds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who rates whom, from the organisation graph on a given day (current posts): the members of each rater group for each
 * subject, by the group's relation. See {@link RaterRelation} and docs/appraisal.md. Reads in the caller's transaction.
 */
@Component
class RaterGroups {

    private final RaterStore store;

    RaterGroups(RaterStore store) {
        this.store = store;
    }

    /** What the groups' relations read, around the subjects' units. */
    private record Around(
            Map<String, List<String>> subjectUnits,
            Map<String, String> sectionParent,
            Map<String, List<String>> supervisors,
            Map<String, List<String>> leaders,
            Map<String, List<String>> staff,
            Set<String> listed) {}

    /**
     * For each subject, the members of each group in order (as many sets as groups), the subject left out. A person's
     * unit is the unit of each of their current posts; a unit is its own.
     */
    Map<String, List<Set<String>>> members(
            List<String> subjects, boolean persons, List<RoundDraft.Group> groups, LocalDate day) {
        var around = around(subjects, persons, groups, day);
        var result = new HashMap<String, List<Set<String>>>();
        for (var subject : subjects) {
            var own = around.subjectUnits().getOrDefault(subject, List.of());
            var sets = new ArrayList<Set<String>>();
            for (var group : groups) {
                var set = members(group, own, persons, around);
                set.remove(subject);
                sets.add(set);
            }
            result.put(subject, sets);
        }
        return result;
    }

    private Around around(List<String> subjects, boolean persons, List<RoundDraft.Group> groups, LocalDate day) {
        Map<String, List<String>> subjectUnits = new HashMap<>();
        if (persons) {
            subjectUnits.putAll(store.unitsOf(subjects, day));
        } else {
            subjects.forEach(s -> subjectUnits.put(s, List.of(s)));
        }
        var units =
                subjectUnits.values().stream().flatMap(List::stream).distinct().toList();
        var sectionParent = store.sectionParents(units);
        var leading = new ArrayList<>(units);
        leading.addAll(sectionParent.values());
        var staffRoots = new LinkedHashSet<>(units);
        groups.stream()
                .filter(g -> g.relation() == RaterRelation.STAFF_OF_UNITS)
                .forEach(g -> staffRoots.addAll(g.unitIds()));
        var listed = store.existing(
                "Person",
                groups.stream()
                        .filter(g -> g.relation() == RaterRelation.PERSONS)
                        .flatMap(g -> g.personIds().stream())
                        .distinct()
                        .toList());
        return new Around(
                subjectUnits,
                sectionParent,
                store.supervisors(units, day),
                store.leaders(leading, day),
                store.staff(List.copyOf(staffRoots), day),
                new HashSet<>(listed));
    }

    /** One group's members for a subject whose own units are {@code own}. */
    private static Set<String> members(RoundDraft.Group group, List<String> own, boolean persons, Around around) {
        var set = new LinkedHashSet<String>();
        switch (group.relation()) {
            case SUPERVISING_LEADERS ->
                own.forEach(u -> {
                    set.addAll(around.supervisors().getOrDefault(u, List.of()));
                    if (persons) {
                        set.addAll(around.leaders().getOrDefault(u, List.of()));
                    }
                    if (around.sectionParent().containsKey(u)) {
                        set.addAll(around.leaders()
                                .getOrDefault(around.sectionParent().get(u), List.of()));
                    }
                });
            case UNIT_STAFF -> own.forEach(u -> set.addAll(around.staff().getOrDefault(u, List.of())));
            case STAFF_OF_UNITS ->
                group.unitIds().forEach(u -> set.addAll(around.staff().getOrDefault(u, List.of())));
            case PERSONS ->
                group.personIds().stream().filter(around.listed()::contains).forEach(set::add);
        }
        return set;
    }
}
