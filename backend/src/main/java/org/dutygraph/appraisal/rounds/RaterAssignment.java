package org.dutygraph.appraisal.rounds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Component;

/**
 * Who rates whom in a round about to open: for each subject, the members of each group today, a rater falling in the
 * first group (in the round's order) that holds them; the ballot boxes this makes; groups that hold nobody (refused) and
 * groups too small to be scored (warned of).
 */
@Component
class RaterAssignment {

    /** Ratings one round may ask for (raters x their subjects): bounds the opening transaction. */
    static final int MAX_PAIRS = 200_000;

    private static final int MAX_WARNINGS = 100;

    /** {@code groupRaters}: per group, the persons rating someone in it. */
    record Assignment(
            List<RatingRoundStore.Eligibility> raters,
            List<RoundTally.Box> boxes,
            List<Integer> groupRaters,
            List<UserError> warnings,
            List<UserError> errors) {}

    private final RaterGroups raterGroups;
    private final RoundTime time;
    private final RatingRoundSettings settings;

    RaterAssignment(RaterGroups groups, RoundTime time, RatingRoundSettings settings) {
        this.raterGroups = groups;
        this.time = time;
        this.settings = settings;
    }

    Assignment assign(String roundId, List<String> subjects, boolean persons, List<RoundDraft.Group> groups) {
        var members = raterGroups.members(subjects, persons, groups, time.today());
        var byRater = new LinkedHashMap<String, List<String[]>>();
        var boxes = new ArrayList<RoundTally.Box>();
        var warnings = new ArrayList<UserError>();
        int[] groupSizes = new int[groups.size()];
        var groupRaters = new ArrayList<Set<String>>();
        groups.forEach(g -> groupRaters.add(new HashSet<>()));
        int pairs = 0;
        for (var subject : subjects) {
            var taken = new HashSet<String>();
            var sets = members.get(subject);
            for (int g = 0; g < groups.size(); g++) {
                var group = groups.get(g).name();
                var inGroup = sets.get(g).stream().filter(taken::add).toList();
                for (var person : inGroup) {
                    byRater.computeIfAbsent(person, k -> new ArrayList<>()).add(new String[] {subject, group});
                    groupRaters.get(g).add(person);
                }
                pairs += inGroup.size();
                groupSizes[g] += inGroup.size();
                if (!inGroup.isEmpty()) {
                    boxes.add(new RoundTally.Box(subject, group, inGroup.size(), List.of()));
                }
                if (inGroup.size() < settings.minGroupSize() && warnings.size() < MAX_WARNINGS) {
                    warnings.add(UserError.of(
                            "SMALL_GROUP",
                            Text.of(RoundTexts.SMALL_GROUP, subject, inGroup.size(), group, settings.minGroupSize()),
                            "input",
                            "groups",
                            String.valueOf(g)));
                }
            }
        }
        var errors = new ArrayList<UserError>();
        for (int g = 0; g < groupSizes.length; g++) {
            if (groupSizes[g] == 0) {
                errors.add(UserError.of(
                        "EMPTY_GROUP",
                        Text.of(RoundTexts.EMPTY_GROUP, groups.get(g).name()),
                        "input",
                        "groups",
                        String.valueOf(g)));
            }
        }
        if (pairs > MAX_PAIRS) {
            errors.add(UserError.of(
                    "TOO_LARGE", Text.of(RoundTexts.TOO_MANY_RATINGS, pairs, MAX_PAIRS), "input", "groups"));
        }
        var raters = new ArrayList<RatingRoundStore.Eligibility>();
        byRater.forEach((person, list) -> raters.add(new RatingRoundStore.Eligibility(
                roundId,
                person,
                list.stream().map(p -> p[0]).toList(),
                list.stream().map(p -> p[1]).toList())));
        return new Assignment(raters, boxes, groupRaters.stream().map(Set::size).toList(), warnings, errors);
    }
}
