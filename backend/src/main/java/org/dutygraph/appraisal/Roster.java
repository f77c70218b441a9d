package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Scheme;

/**
 * Who is appraised, from the organisation graph: units, and persons holding a post on the reference day
 * (their unit is their post's; with several posts, the first by post id), each scheme's population of
 * them; the units linked scores read (the nearest appraised, a level, the parent, the top); and the groups a
 * forced distribution ranks apart. A person works in their post's unit (the workplace) and belongs to their home
 * unit: the unit that seconds them there (a department seconding staff to a window of the service centre), or the
 * workplace when they are not seconded.
 */
record Roster(
        Map<String, String> unitClassification,
        Map<String, String> parent,
        Map<String, String> personUnit,
        Map<String, List<Post>> personPosts,
        Map<String, String> personCategory,
        Map<String, String> personHome) {

    /** A current post of a person: its unit, role, class and the unit that seconds its holder (null: none). */
    record Post(String unit, String role, String postClass, String secondedFrom) {

        String home() {
            return secondedFrom == null ? unit : secondedFrom;
        }
    }

    /** Read in one transaction: the units, and who holds a post on {@code asOf}. */
    static Roster load(RosterStore store, LocalDate asOf) {
        return of(store.units(), store.holdings(asOf));
    }

    /** From the units and the holdings, by person then post id (a person's unit is that of their first post). */
    static Roster of(List<RosterStore.Unit> units, List<RosterStore.Holding> holdings) {
        var classification = new HashMap<String, String>();
        var parent = new HashMap<String, String>();
        for (var unit : units) {
            classification.put(unit.id(), unit.classification());
            if (unit.parent() != null) {
                parent.put(unit.id(), unit.parent());
            }
        }
        var personUnit = new HashMap<String, String>();
        var posts = new HashMap<String, List<Post>>();
        var categories = new HashMap<String, String>();
        var homes = new HashMap<String, String>();
        for (var h : holdings) {
            if (personUnit.putIfAbsent(h.person(), h.unit()) == null) {
                if (h.category() != null) {
                    categories.put(h.person(), h.category());
                }
                if (h.secondedFrom() != null) {
                    homes.put(h.person(), h.secondedFrom());
                }
            }
            posts.computeIfAbsent(h.person(), k -> new ArrayList<>(1))
                    .add(new Post(h.unit(), h.role(), h.postClass(), h.secondedFrom()));
        }
        return new Roster(classification, parent, personUnit, posts, categories, homes);
    }

    /**
     * Just what one subject's linked scores need: its workplace and home units and the units above them. Read in one
     * transaction.
     */
    static Roster around(RosterStore store, String subjectId, LocalDate asOf) {
        var personUnit = new HashMap<String, String>();
        var homes = new HashMap<String, String>();
        var starts = new ArrayList<String>();
        store.firstPost(subjectId, asOf)
                .ifPresentOrElse(
                        own -> {
                            personUnit.put(subjectId, own.unit());
                            starts.add(own.unit());
                            if (own.home() != null) {
                                homes.put(subjectId, own.home());
                                starts.add(own.home());
                            }
                        },
                        () -> starts.add(subjectId));
        var classification = new HashMap<String, String>();
        var parent = new HashMap<String, String>();
        for (var chain : store.chains(starts)) {
            var ids = chain.units();
            for (int i = 0; i < ids.size(); i++) {
                classification.put(ids.get(i), chain.classifications().get(i));
                if (i + 1 < ids.size()) {
                    parent.put(ids.get(i), ids.get(i + 1));
                }
            }
        }
        return new Roster(classification, parent, personUnit, Map.of(), Map.of(), homes);
    }

    /** The scheme's population: the units or persons it appraises. */
    List<String> subjects(Scheme scheme) {
        var population = scheme.population();
        if (scheme.subject().equals("PERSON")) {
            return personUnit.keySet().stream()
                    .filter(p -> inPopulation(p, population))
                    .toList();
        }
        return unitClassification.entrySet().stream()
                .filter(e -> scheme.classifications().isEmpty()
                        || scheme.classifications().contains(e.getValue()))
                .map(Map.Entry::getKey)
                .filter(u -> unitInPopulation(u, population))
                .toList();
    }

    private boolean unitInPopulation(String unit, Scheme.Population population) {
        return (population.subjects().isEmpty() || population.subjects().contains(unit))
                && (population.units().isEmpty() || within(unit, population.units()));
    }

    private boolean inPopulation(String person, Scheme.Population population) {
        if (!population.subjects().isEmpty() && !population.subjects().contains(person)
                || !population.categories().isEmpty()
                        && !population.categories().contains(personCategory.get(person))) {
            return false;
        }
        if (population.units().isEmpty()
                && population.postRoles().isEmpty()
                && population.postClasses().isEmpty()
                && population.homeUnits().isEmpty()) {
            return true;
        }
        for (var post : personPosts.getOrDefault(person, List.of())) {
            if ((population.units().isEmpty() || within(post.unit(), population.units()))
                    && (population.homeUnits().isEmpty() || within(post.home(), population.homeUnits()))
                    && (population.postRoles().isEmpty()
                            || population.postRoles().contains(post.role()))
                    && (population.postClasses().isEmpty()
                            || population.postClasses().contains(post.postClass()))) {
                return true;
            }
        }
        return false;
    }

    /** The unit is one of the roots or below one of them. */
    private boolean within(String unit, List<String> roots) {
        var at = unit;
        for (int guard = 0; at != null && guard < 1000; guard++) {
            if (roots.contains(at)) {
                return true;
            }
            at = parent.get(at);
        }
        return false;
    }

    /**
     * The unit a linked score reads for a subject (a person's unit, or a unit itself): OWN_UNIT, the nearest,
     * its own or above, that the linked scheme appraises; UNIT_ITSELF; LEVEL, the nearest of the classification;
     * PARENT_UNIT; TOP_UNIT. A person's unit is their workplace, or their home unit {@code from} HOME.
     */
    String linkedUnit(
            String subjectId,
            String from,
            String source,
            String classification,
            java.util.function.Predicate<String> appraised) {
        var own = unitOf(subjectId, from);
        if (own == null) {
            return null;
        }
        return switch (source) {
            case "UNIT_ITSELF" -> own;
            case "PARENT_UNIT" -> parent.get(own);
            case "TOP_UNIT" -> {
                var top = own;
                int guard = 0;
                while (parent.containsKey(top) && guard++ < 1000) {
                    top = parent.get(top);
                }
                yield top;
            }
            case "LEVEL" -> nearest(own, u -> classification.equals(unitClassification.get(u)));
            default -> nearest(own, appraised);
        };
    }

    private String nearest(String unit, java.util.function.Predicate<String> test) {
        var at = unit;
        for (int guard = 0; at != null && guard < 1000; guard++) {
            if (test.test(at)) {
                return at;
            }
            at = parent.get(at);
        }
        return null;
    }

    /** The forced-distribution group of a subject: "" (the whole population), its unit at a level, or its rating group. */
    String distributionGroup(String subjectId, Scheme.Grouping grouping) {
        switch (grouping.by()) {
            case "UNIT" -> {
                var own = unitOf(subjectId, grouping.from());
                if (own == null) {
                    return "";
                }
                var unit = grouping.classification() == null
                        ? own
                        : nearest(own, u -> grouping.classification().equals(unitClassification.get(u)));
                return unit == null ? "" : unit;
            }
            case "GROUPS" -> {
                boolean person = personUnit.containsKey(subjectId);
                for (var group : grouping.groups()) {
                    if (person
                            ? inPopulation(subjectId, group.population())
                            : unitInPopulation(subjectId, group.population())) {
                        return group.name();
                    }
                }
                return "";
            }
            default -> {
                return "";
            }
        }
    }

    /** A person's workplace (or home unit, {@code from} HOME), or a unit itself; null for neither. */
    String unitOf(String subjectId, String from) {
        var work = personUnit.get(subjectId);
        if (work == null) {
            return unitClassification.containsKey(subjectId) ? subjectId : null;
        }
        return "HOME".equals(from) ? personHome.getOrDefault(subjectId, work) : work;
    }

    /** The nearest unit of a classification, the unit itself or above it; null when there is none. */
    String nearestOf(String unit, String classification) {
        return nearest(unit, u -> classification.equals(unitClassification.get(u)));
    }
}
