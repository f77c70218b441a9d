package org.dutygraph.appraisal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.SchemeParser;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheme versions. Saving a scheme makes a new version in force from a month on; a period is computed
 * with the version in force at its first month, so results of the past keep the rules they were made under.
 */
@Service
public class AppraisalSchemes {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    public record Version(
            String id,
            int version,
            String name,
            String subject,
            String period,
            String validFrom,
            Object definition,
            String createdBy,
            java.time.OffsetDateTime createdAt,
            String key,
            boolean ended) {}

    public record Saved(Version scheme, List<UserError> errors) {}

    public record Template(String id, Object definition) {}

    private final GraphTransactions graph;
    private final LockStore locks;
    private final SchemeStore store;
    private final List<Template> templates;
    private final Clock clock;

    AppraisalSchemes(GraphTransactions graph, LockStore locks, SchemeStore store, Clock clock) {
        this.graph = graph;
        this.locks = locks;
        this.store = store;
        this.clock = clock;
        this.templates = loadTemplates();
    }

    public List<Template> templates() {
        return templates;
    }

    /** {@code field}: the input field the month came in, for its errors. */
    public Saved save(String id, Object definition, String validFrom, String field, String by) {
        var errors = new ArrayList<UserError>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(UserError.of("INVALID_ID", Text.of(AppraisalTexts.SCHEME_ID_FORMAT), "input", "id"));
        }
        var from = month(validFrom, field, errors);
        var scheme = parsed(id, definition, errors);
        if (!errors.isEmpty()) {
            return new Saved(null, errors);
        }
        var json = JSON.writeValueAsString(definition);
        long now = clock.millis();
        return graph.write(() -> {
            // versions of one scheme are numbered one at a time
            locks.job("appraisal-scheme:" + id);
            var version = store.create(new SchemeStore.NewVersion(
                    id,
                    store.nextVersion(id),
                    scheme.name(),
                    scheme.subject(),
                    scheme.period().name(),
                    from.toString(),
                    json,
                    by,
                    now));
            return new Saved(version, List.of());
        });
    }

    /** The month {@code text} names, or null with its problem added. */
    private static Period month(String text, String field, List<UserError> errors) {
        try {
            var from = Period.parse(text);
            if (from.kind() != Period.Kind.MONTH) {
                errors.add(UserError.of(
                        "INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_A_MONTH, field, "2026-01"), "input", field));
            }
            return from;
        } catch (IllegalArgumentException e) {
            errors.add(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", field));
            return null;
        }
    }

    /** The definition checked whole against the schemes saved, or null with its problems added. */
    private Scheme parsed(String id, Object definition, List<UserError> errors) {
        try {
            return SchemeParser.parse(id, 0, definition, latest()::get);
        } catch (SchemeParser.Invalid invalid) {
            invalid.problems()
                    .forEach(p -> errors.add(
                            new UserError(List.of("input", "definition", p.path()), "INVALID_SCHEME", p.message())));
            return null;
        }
    }

    /** The latest saved version of every scheme (by validity, then version), ended or not: what references are checked against. */
    private Map<String, Scheme> latest() {
        var latest = new HashMap<String, Scheme>();
        graph.read(store::latestOfEach)
                .forEach(v -> latest.put(v.id(), SchemeParser.parseSaved(v.id(), v.version(), v.definition())));
        return latest;
    }

    /**
     * Ends a scheme from a month on: a version that marks the end, so that no version is in force from that month
     * (earlier periods keep theirs). Refused when a version is dated from a later month (end that one, or later).
     */
    public Saved end(String id, String fromText, String field, String by) {
        Period from;
        try {
            from = Period.parse(fromText);
        } catch (IllegalArgumentException e) {
            return new Saved(
                    null,
                    List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", field)));
        }
        if (from.kind() != Period.Kind.MONTH) {
            return new Saved(
                    null,
                    List.of(UserError.of(
                            "INVALID_PERIOD",
                            Text.of(AppraisalTexts.PERIOD_A_MONTH, field, "2026-07"),
                            "input",
                            field)));
        }
        long now = clock.millis();
        return graph.write(() -> {
            locks.job("appraisal-scheme:" + id);
            var last = store.last(id);
            var refused = last.isEmpty()
                    ? UserError.of("UNKNOWN_SCHEME", Text.of(AppraisalTexts.NO_SCHEME, id), "input", "id")
                    : endRefused(last.get(), from);
            if (refused != null) {
                return new Saved(null, List.of(refused));
            }
            return new Saved(
                    store.createEnd(last.get().key(), id, store.nextVersion(id), from.toString(), by, now), List.of());
        });
    }

    /** Why the scheme whose last version is {@code last} cannot end from {@code from}; null when it can. */
    private static UserError endRefused(Version last, Period from) {
        if (last.validFrom().compareTo(from.toString()) > 0) {
            return UserError.of(
                    "LATER_VERSION",
                    Text.of(AppraisalTexts.LATER_VERSION, last.version(), last.validFrom()),
                    "input",
                    "from");
        }
        if (last.ended()) {
            return UserError.of(
                    "ALREADY_ENDED", Text.of(AppraisalTexts.ALREADY_ENDED, last.id(), last.validFrom()), "input", "id");
        }
        return null;
    }

    public List<Version> page(String after, int limit) {
        return store.page(after, limit);
    }

    /** A scheme version and the month it is in force from; {@code scheme} is null for a version that ends the scheme. */
    public record Dated(Scheme scheme, String validFrom, int version) {
        public Dated(Scheme scheme, String validFrom) {
            this(scheme, validFrom, scheme.version());
        }
    }

    /** Every version that may be in force in {@code year}, by scheme id, in order of validity, then version. */
    public Map<String, List<Dated>> versions(int year) {
        var byId = new HashMap<String, List<Dated>>();
        graph.read(() -> store.validFromUpTo(year + "-12")).forEach(v -> {
            var scheme = v.ended() ? null : SchemeParser.parseSaved(v.id(), v.version(), v.definition());
            byId.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(new Dated(scheme, v.validFrom(), v.version()));
        });
        byId.values()
                .forEach(
                        list -> list.sort(Comparator.comparing(Dated::validFrom).thenComparing(Dated::version)));
        return byId;
    }

    /**
     * The version in force at the first month of {@code period}: the one valid from the latest month not after
     * it (of two from the same month, the newer version), or null (none yet, or the scheme was ended).
     */
    public static Scheme inForce(List<Dated> versions, Period period) {
        var first = period.kind() == Period.Kind.MONTH
                ? period
                : period.parts(Period.Kind.MONTH).get(0);
        Scheme found = null;
        for (var v : versions) {
            if (v.validFrom().compareTo(first.toString()) <= 0) {
                found = v.scheme();
            }
        }
        return found;
    }

    private static List<Template> loadTemplates() {
        try {
            var resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath:appraisal/templates/*.json");
            var list = new ArrayList<Template>();
            for (var r : resources) {
                try (var in = r.getInputStream()) {
                    list.add(new Template(r.getFilename().replace(".json", ""), JSON.readValue(in, Object.class)));
                }
            }
            list.sort(Comparator.comparing(Template::id));
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
