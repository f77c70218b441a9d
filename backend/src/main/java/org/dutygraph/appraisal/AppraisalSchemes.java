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
import org.dutygraph.platform.neo4j.GraphLocks;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
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

    public record Version(String id, int version, String name, String subject, String period, String validFrom,
                          Object definition, String createdBy, java.time.OffsetDateTime createdAt, String key, boolean ended) {
    }

    public record Saved(Version scheme, List<UserError> errors) {
    }

    public record Template(String id, Object definition) {
    }

    private final Driver driver;
    private final List<Template> templates;
    private final Clock clock;

    AppraisalSchemes(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
        this.templates = loadTemplates();
    }

    public List<Template> templates() {
        return templates;
    }

    public Saved save(String id, Object definition, String validFrom, String by) {
        var errors = new ArrayList<UserError>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(UserError.of("INVALID_ID", Text.of(AppraisalTexts.SCHEME_ID_FORMAT), "input", "id"));
        }
        Period from = null;
        try {
            from = Period.parse(validFrom);
            if (from.kind() != Period.Kind.MONTH) {
                errors.add(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_A_MONTH, "validFrom", "2026-01"), "input", "validFrom"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", "validFrom"));
        }
        Scheme scheme = null;
        try {
            scheme = SchemeParser.parse(id, 0, definition, latest()::get);
        } catch (SchemeParser.Invalid invalid) {
            invalid.problems().forEach(p -> errors.add(new UserError(List.of("input", "definition", p.path()), "INVALID_SCHEME",
                    p.message())));
        }
        if (!errors.isEmpty()) {
            return new Saved(null, errors);
        }
        var parsed = scheme;
        var month = from.toString();
        long now = clock.millis();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                // versions of one scheme are numbered one at a time
                GraphLocks.job(tx, "appraisal-scheme:" + id);
                int version = tx.run("MATCH (s:AppraisalScheme {id: $id}) RETURN coalesce(max(s.version), 0) + 1 AS v",
                        Map.of("id", id)).single().get("v").asInt();
                var node = tx.run("""
                        CREATE (s:AppraisalScheme {key: $id + '@' + $version, id: $id, version: $version, name: $name,
                                subject: $subject, period: $period, validFrom: $from, definition: $definition,
                                createdBy: $by, createdAt: $now})
                        RETURN s""", Values.parameters("id", id, "version", version, "name", parsed.name(),
                        "subject", parsed.subject(), "period", parsed.period().name(), "from", month,
                        "definition", JSON.writeValueAsString(definition), "by", by, "now", now)).single().get("s").asNode();
                return new Saved(view(node), List.of());
            });
        }
    }

    /** The latest saved version of every scheme (by validity, then version), ended or not: what references are checked against. */
    private Map<String, Scheme> latest() {
        var latest = new HashMap<String, Scheme>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("""
                    MATCH (s:AppraisalScheme) WHERE s.ended IS NULL
                    WITH s ORDER BY s.validFrom, s.version WITH s.id AS id, last(collect(s)) AS s
                    RETURN s""").list(r -> r.get("s").asNode())).forEach(n -> latest.put(n.get("id").asString(),
                    SchemeParser.parseSaved(n.get("id").asString(), n.get("version").asInt(),
                            JSON.readValue(n.get("definition").asString(), Object.class))));
        }
        return latest;
    }

    /**
     * Ends a scheme from a month on: a version that marks the end, so that no version is in force from that month
     * (earlier periods keep theirs). Refused when a version is dated from a later month (end that one, or later).
     */
    public Saved end(String id, String fromText, String by) {
        Period from;
        try {
            from = Period.parse(fromText);
        } catch (IllegalArgumentException e) {
            return new Saved(null, List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", "from")));
        }
        if (from.kind() != Period.Kind.MONTH) {
            return new Saved(null, List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_A_MONTH, "from", "2026-07"), "input",
                    "from")));
        }
        long now = clock.millis();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                GraphLocks.job(tx, "appraisal-scheme:" + id);
                var last = tx.run("""
                        MATCH (s:AppraisalScheme {id: $id}) WITH s ORDER BY s.validFrom DESC, s.version DESC
                        RETURN s LIMIT 1""", Map.of("id", id)).list(r -> r.get("s").asNode());
                if (last.isEmpty()) {
                    return new Saved(null, List.of(UserError.of("UNKNOWN_SCHEME", Text.of(AppraisalTexts.NO_SCHEME, id), "input", "id")));
                }
                var previous = last.get(0);
                if (previous.get("validFrom").asString().compareTo(from.toString()) > 0) {
                    return new Saved(null, List.of(UserError.of("LATER_VERSION", Text.of(AppraisalTexts.LATER_VERSION,
                            previous.get("version").asInt(), previous.get("validFrom").asString()), "input", "from")));
                }
                if (previous.get("ended").asBoolean(false)) {
                    return new Saved(null, List.of(UserError.of("ALREADY_ENDED", Text.of(AppraisalTexts.ALREADY_ENDED, id,
                            previous.get("validFrom").asString()), "input", "id")));
                }
                int version = tx.run("MATCH (s:AppraisalScheme {id: $id}) RETURN max(s.version) + 1 AS v", Map.of("id", id))
                        .single().get("v").asInt();
                var node = tx.run("""
                        MATCH (p:AppraisalScheme {key: $previous})
                        CREATE (s:AppraisalScheme {key: $id + '@' + $version, id: $id, version: $version, name: p.name,
                                subject: p.subject, period: p.period, validFrom: $from, definition: p.definition, ended: true,
                                createdBy: $by, createdAt: $now})
                        RETURN s""", Values.parameters("previous", previous.get("key").asString(), "id", id, "version", version,
                        "from", from.toString(), "by", by, "now", now)).single().get("s").asNode();
                return new Saved(view(node), List.of());
            });
        }
    }

    public List<Version> page(String after, int limit) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (s:AppraisalScheme) WHERE $after IS NULL OR s.key > $after
                    RETURN s ORDER BY s.key LIMIT $limit""", Values.parameters("after", after, "limit", limit))
                    .list(r -> view(r.get("s").asNode())));
        }
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
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("MATCH (s:AppraisalScheme) WHERE s.validFrom <= $end RETURN s",
                    Map.of("end", year + "-12")).list(r -> r.get("s").asNode())).forEach(n -> {
                        var id = n.get("id").asString();
                        int version = n.get("version").asInt();
                        var scheme = n.get("ended").asBoolean(false) ? null : SchemeParser.parseSaved(id, version,
                                JSON.readValue(n.get("definition").asString(), Object.class));
                        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(new Dated(scheme, n.get("validFrom").asString(), version));
                    });
        }
        byId.values().forEach(list -> list.sort(Comparator.comparing(Dated::validFrom).thenComparing(Dated::version)));
        return byId;
    }

    /**
     * The version in force at the first month of {@code period}: the one valid from the latest month not after
     * it (of two from the same month, the newer version), or null (none yet, or the scheme was ended).
     */
    public static Scheme inForce(List<Dated> versions, Period period) {
        var first = period.kind() == Period.Kind.MONTH ? period : period.parts(Period.Kind.MONTH).get(0);
        Scheme found = null;
        for (var v : versions) {
            if (v.validFrom().compareTo(first.toString()) <= 0) {
                found = v.scheme();
            }
        }
        return found;
    }

    private static Version view(org.neo4j.driver.types.Node n) {
        return new Version(n.get("id").asString(), n.get("version").asInt(), n.get("name").asString(), n.get("subject").asString(),
                n.get("period").asString(), n.get("validFrom").asString(), JSON.readValue(n.get("definition").asString(), Object.class),
                n.get("createdBy").asString(), org.dutygraph.platform.graphql.TimeKeys.utc(n.get("createdAt").asLong()),
                n.get("key").asString(), n.get("ended").asBoolean(false));
    }

    private static List<Template> loadTemplates() {
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources("classpath:appraisal/templates/*.json");
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
