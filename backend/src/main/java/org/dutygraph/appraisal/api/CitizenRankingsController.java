package org.dutygraph.appraisal.api;

import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.rankings.CitizenRankings;
import org.dutygraph.appraisal.rankings.CitizenRankings.Entry;
import org.dutygraph.appraisal.rankings.CitizenRankings.Ranking;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.platform.graphql.BatchResults;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Citizen rankings: drawn and published by appraisers, read by anyone once published. See appraisal.graphqls. */
@Controller
class CitizenRankingsController {

    private final CitizenRankings rankings;
    private final OrgReadStore org;

    CitizenRankingsController(CitizenRankings rankings, OrgReadStore org) {
        this.rankings = rankings;
        this.org = org;
    }

    record DrawInput(
            String period,
            String appraisalPeriod,
            Integer worst,
            Integer ballotsPerUnit,
            Integer minBallots,
            String seed) {}

    record PublishInput(String id) {}

    record Payload(Ranking ranking, List<UserError> errors) {}

    record IndicatorCount(String indicator, int count) {}

    /** What citizens see of a ranked unit: no field of it leads into the staff graph. */
    record PublicUnit(String id, String name) {}

    @QueryMapping
    Connection<Ranking> citizenRankings(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, (cursor, limit) -> rankings.page(false, cursor, limit), Ranking::key);
    }

    @QueryMapping
    Connection<Ranking> citizenRankingDrafts(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, (cursor, limit) -> rankings.page(true, cursor, limit), Ranking::key);
    }

    @QueryMapping
    Boolean replayCitizenRanking(@Argument String id) {
        return rankings.replay(id).orElse(null);
    }

    @MutationMapping
    Payload drawCitizenRanking(@Argument DrawInput input) {
        var period = TypedOrString.of("period", input.period(), "appraisalPeriod", input.appraisalPeriod());
        if (period.conflicting()) {
            return new Payload(null, List.of(period.inputConflict()));
        }
        var drawn = rankings.draw(
                period.value(),
                period.field(),
                input.worst() == null ? 10 : input.worst(),
                input.ballotsPerUnit() == null ? 30 : input.ballotsPerUnit(),
                input.minBallots() == null ? 5 : input.minBallots(),
                input.seed(),
                username());
        return new Payload(drawn.ranking(), drawn.errors());
    }

    @MutationMapping
    Payload publishCitizenRanking(@Argument PublishInput input) {
        var published = rankings.publish(input.id(), username());
        return new Payload(published.ranking(), published.errors());
    }

    @BatchMapping(typeName = "CitizenRankingEntry")
    Map<Entry, PublicUnit> unit(List<Entry> entries) {
        var units = new java.util.HashMap<String, PublicUnit>();
        org.units(entries.stream().map(Entry::unitId).distinct().toList())
                .forEach((id, unit) -> units.put(id, new PublicUnit(unit.id(), unit.name())));
        return BatchResults.byKey(entries, Entry::unitId, units);
    }

    @SchemaMapping(typeName = "CitizenRankingEntry")
    List<IndicatorCount> indicators(Entry entry) {
        return entry.indicators().entrySet().stream()
                .map(e -> new IndicatorCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
