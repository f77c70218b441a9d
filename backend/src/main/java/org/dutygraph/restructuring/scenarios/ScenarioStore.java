package org.dutygraph.restructuring.scenarios;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios as (:Scenario) nodes with their steps as JSON strings (snake_case, the documented step format) in
 * order, and the live graph's versions as (:OrgChange) nodes, one per import.
 */
@Component
class ScenarioStore {

    static final JsonMapper STEPS = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(
                    i -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private final Neo4jClient neo4j;

    ScenarioStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(Scenario s) {
        var params = new HashMap<String, Object>();
        params.put("id", s.id());
        params.put("name", s.name());
        params.put("owner", s.owner());
        params.put("base", s.baseScenarioId());
        params.put("version", s.baseVersion());
        params.put("at", s.createdAt());
        neo4j.query("""
                CREATE (:Scenario {id: $id, name: $name, owner: $owner, sharedWith: [], baseScenarioId: $base,
                                   baseVersion: $version, createdAt: $at, steps: [], stepBy: [], stepAt: []})""").bindAll(params).run();
    }

    Optional<Scenario> find(String id) {
        return neo4j.query("MATCH (s:Scenario {id: $id}) RETURN s")
                .bind(id)
                .to("id")
                .fetchAs(Scenario.class)
                .mappedBy((types, row) -> scenario(row.get("s").asNode()))
                .one();
    }

    /** The scenarios a user owns or was given, ordered by id, after the cursor. */
    List<Scenario> visibleTo(String username, String afterId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("user", username);
        params.put("after", afterId == null ? "" : afterId);
        params.put("limit", limit);
        return new ArrayList<>(neo4j.query("""
                MATCH (s:Scenario) WHERE (s.owner = $user OR $user IN s.sharedWith) AND s.id > $after
                RETURN s ORDER BY s.id LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Scenario.class)
                .mappedBy((types, row) -> scenario(row.get("s").asNode()))
                .all());
    }

    void appendStep(String id, ScenarioStep step, String by, OffsetDateTime at) {
        neo4j.query("""
                MATCH (s:Scenario {id: $id})
                SET s.steps = s.steps + $step, s.stepBy = s.stepBy + $by, s.stepAt = s.stepAt + $at""")
                .bindAll(java.util.Map.of("id", id, "step", STEPS.writeValueAsString(step), "by", by, "at", at))
                .run();
    }

    void dropLastStep(String id) {
        neo4j.query("""
                MATCH (s:Scenario {id: $id}) WHERE size(s.steps) > 0
                SET s.steps = s.steps[..-1], s.stepBy = s.stepBy[..-1], s.stepAt = s.stepAt[..-1]""").bind(id).to("id").run();
    }

    void share(String id, List<String> usernames) {
        neo4j.query("MATCH (s:Scenario {id: $id}) SET s.sharedWith = $users")
                .bindAll(java.util.Map.of("id", id, "users", usernames))
                .run();
    }

    void markApplied(String id, String importJobId, String by, OffsetDateTime at) {
        neo4j.query(
                        "MATCH (s:Scenario {id: $id}) SET s.appliedImportJobId = $job, s.appliedBy = $by, s.appliedAt = $at")
                .bindAll(java.util.Map.of("id", id, "job", importJobId, "by", by, "at", at))
                .run();
    }

    /** The import that made the live graph's current version ("" before any). */
    String currentVersionKey() {
        return neo4j.query(
                        "MATCH (c:OrgChange) RETURN c.version + ':' + c.jobId AS key ORDER BY c.version DESC LIMIT 1")
                .fetchAs(String.class)
                .one()
                .orElse("");
    }

    long currentVersion() {
        return neo4j.query("MATCH (c:OrgChange) RETURN coalesce(max(c.version), 0) AS v")
                .fetchAs(Long.class)
                .one()
                .orElse(0L);
    }

    /** Records an import as the next version. */
    void recordChange(String jobId, long entries, OffsetDateTime at) {
        neo4j.query("""
                OPTIONAL MATCH (c:OrgChange) WITH coalesce(max(c.version), 0) + 1 AS version
                CREATE (:OrgChange {version: version, jobId: $job, entries: $entries, at: $at})""")
                .bindAll(java.util.Map.of("job", jobId, "entries", entries, "at", at))
                .run();
    }

    /** Imports after a version, oldest first (at most 100). */
    List<OrgChange> changesSince(long version) {
        return new ArrayList<>(neo4j.query("""
                MATCH (c:OrgChange) WHERE c.version > $version
                RETURN c.version AS version, c.jobId AS job, c.entries AS entries, c.at AS at ORDER BY version LIMIT 100""")
                .bind(version)
                .to("version")
                .fetchAs(OrgChange.class)
                .mappedBy((types, row) -> new OrgChange(
                        row.get("version").asLong(),
                        row.get("job").asString(),
                        row.get("entries").asLong(),
                        row.get("at").asOffsetDateTime()))
                .all());
    }

    private static Scenario scenario(Node n) {
        var steps = n.get("steps").asList(Value::asString);
        var by = n.get("stepBy").asList(Value::asString);
        var at = n.get("stepAt").asList(Value::asOffsetDateTime);
        var list = new ArrayList<Scenario.Step>();
        for (int i = 0; i < steps.size(); i++) {
            list.add(new Scenario.Step(STEPS.readValue(steps.get(i), ScenarioStep.class), by.get(i), at.get(i)));
        }
        return new Scenario(
                n.get("id").asString(),
                n.get("name").asString(),
                n.get("owner").asString(),
                n.get("sharedWith").asList(Value::asString),
                n.get("baseScenarioId").isNull()
                        ? null
                        : n.get("baseScenarioId").asString(),
                n.get("baseVersion").asLong(),
                n.get("createdAt").asOffsetDateTime(),
                list,
                n.get("appliedImportJobId").isNull()
                        ? null
                        : new Scenario.Applied(
                                n.get("appliedImportJobId").asString(),
                                n.get("appliedBy").asString(),
                                n.get("appliedAt").asOffsetDateTime()));
    }
}
