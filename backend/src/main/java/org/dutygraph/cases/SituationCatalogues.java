package org.dutygraph.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The situation catalogue in versions, as appraisal schemes are: saving makes a new version in force from a day on;
 * a case keeps the version and the situation it was classified under, so a later edit changes no past case.
 */
@Service
public class SituationCatalogues {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Version(
            int version,
            String name,
            String validFrom,
            Object definition,
            Catalogue catalogue,
            String createdBy,
            OffsetDateTime createdAt) {}

    public record Saved(Version catalogue, List<UserError> errors) {}

    private final GraphTransactions graph;
    private final LockStore locks;
    private final CatalogueStore store;
    private final Clock clock;
    private final Object template;

    SituationCatalogues(GraphTransactions graph, LockStore locks, CatalogueStore store, Clock clock) {
        this.graph = graph;
        this.locks = locks;
        this.store = store;
        this.clock = clock;
        this.template = loadTemplate();
    }

    /** The shipped catalogue, as data to save (as it is, or changed). */
    public Object template() {
        return template;
    }

    public Saved save(Object definition, String validFrom, String by) {
        var errors = new ArrayList<UserError>();
        var from = day(validFrom, errors);
        Catalogue catalogue = null;
        try {
            catalogue = CatalogueParser.parse(definition);
        } catch (CatalogueParser.Invalid invalid) {
            invalid.problems()
                    .forEach(p ->
                            errors.add(new UserError(List.of("input", "definition", p.path()), p.code(), p.message())));
        }
        if (!errors.isEmpty()) {
            return new Saved(null, errors);
        }
        var json = JSON.writeValueAsString(definition);
        var name = catalogue.name();
        long now = clock.millis();
        return graph.write(() -> {
            locks.job("situation-catalogue");
            return new Saved(
                    store.create(
                            new CatalogueStore.NewVersion(store.nextVersion(), name, from.toString(), json, by, now)),
                    List.of());
        });
    }

    /** The version in force on {@code day}, joining the caller's transaction. */
    public Optional<Version> inForce(LocalDate day) {
        return graph.read(() -> store.inForce(day.toString()));
    }

    /** The version in force on each of these days, every version read once (a batch of cases from sources). */
    Map<LocalDate, Optional<Version>> inForce(java.util.Collection<LocalDate> days) {
        var result = new HashMap<LocalDate, Optional<Version>>();
        if (days.isEmpty()) {
            return result;
        }
        var versions =
                graph.read(() -> store.validBy(java.util.Collections.max(days).toString()));
        for (var day : days) {
            result.put(
                    day,
                    versions.stream()
                            .filter(v -> v.validFrom().compareTo(day.toString()) <= 0)
                            .findFirst());
        }
        return result;
    }

    public Optional<Version> version(int number) {
        return graph.read(() -> store.byNumber(number));
    }

    public List<Version> page(Integer after, int limit) {
        return graph.read(() -> store.page(after, limit));
    }

    private static LocalDate day(String text, List<UserError> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(UserError.of(
                    "INVALID_DATE", org.dutygraph.platform.i18n.Text.of(CaseTexts.VALID_FROM), "input", "validFrom"));
            return null;
        }
    }

    private static Object loadTemplate() {
        try (var in = new ClassPathResource("cases/catalogue-template.json").getInputStream()) {
            var json = JSON.readValue(in, Object.class);
            CatalogueParser.parse(json);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
