package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.platform.effects.Effects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Cases from appraisal, carried by effects whose types cases declares (appraisal depends on cases, not the reverse):
 * an event a scheme in force vetoes or downgrades on, and a published citizens' worst-ranking. Years 2045-2047 keep
 * these schemes, catalogue versions and ratings away from other tests' periods.
 */
class AppraisalCaseSourcesApiTest extends CaseTestSupport {

    @Autowired
    Effects effects;

    @Test
    void aVetoEventAgainstAPersonOpensADraftNamingThePostAndPersonOfThatMonth_replayOpensNoSecond() {
        saveScheme("staff-monthly", "2045-01", Map.of("VIOLATION", "LOWEST"));
        var eventId = recordEvent("ZB002", "2045-03", "VIOLATION");

        var cases = casesOf("APPRAISAL_EVENT", eventId);
        assertThat(cases).hasSize(1);
        var c = cases.get(0);
        assertThat(c.path("status").asString())
                .as("the template opens appraisal cases as drafts")
                .isEqualTo("DRAFT");
        assertThat(c.path("source").path("reference").asString()).isEqualTo("VIOLATION 2045-03");
        assertThat(c.path("actDate").asString())
                .as("recorded before the month: its first day")
                .isEqualTo("2045-03-01");
        assertThat(c.path("situation").path("code").asString()).isEqualTo("discipline.violation");
        assertThat(c.path("post").path("id").asString()).isEqualTo("zedu-xk-1");
        assertThat(c.path("person").path("id").asString()).isEqualTo("ZB002");
        assertThat(roles(c)).containsExactly("POST_HOLDER", "SECTION_HEAD", "IN_CHARGE_SUPERVISOR", "PRINCIPAL_LEADER");

        replay("AppraisalSanctionRecorded", eventId);
        assertThat(casesOf("APPRAISAL_EVENT", eventId))
                .as("the same effect delivered again")
                .hasSize(1);
    }

    @Test
    void aDowngradeEventAgainstAUnitOpensACaseAgainstItsHead_registeredWhereTheCatalogueSaysSo() {
        var definition = GraphQlJson.toObject(as(OFFICE)
                .post("{ accountabilityCatalogueTemplate { definition } }")
                .ok()
                .path("accountabilityCatalogueTemplate")
                .path("definition"));
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) definition;
        map.put("openDirectly", List.of("SPOT_CHECK", "APPRAISAL_EVENT", "CITIZEN_RANKING"));
        var saved = saveCatalogue(OFFICE, "2046-01-01", map);
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        saveScheme("unit-monthly", "2045-01", Map.of("VIOLATION", "LOWEST", "DISCIPLINARY_CASE", "DOWN_ONE"));

        var eventId = recordEvent("zedu-xk", "2046-02", "DISCIPLINARY_CASE");
        var cases = casesOf("APPRAISAL_EVENT", eventId);
        assertThat(cases).hasSize(1);
        var c = cases.get(0);
        assertThat(c.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(c.path("unit").path("id").asString()).isEqualTo("zedu-xk");
        assertThat(c.path("post").path("id").asString()).as("the unit's head").isEqualTo("zedu-xk-head");
        assertThat(c.path("person").path("id").asString()).isEqualTo("ZB003");
        assertThat(c.path("situation").path("code").asString()).isEqualTo("discipline.violation");
    }

    /** Issue 20: any scheme in force acting on the kind opened a case, also one appraising the other kind of subject. */
    @Test
    void aVetoOrDowngradeOpensACaseOnlyUnderASchemeOfTheSubjectsKind() {
        var kind = "SUBJECT_KIND_" + Math.abs(UUID.randomUUID().hashCode() % 100000);
        saveScheme("unit-monthly", "2048-01", Map.of(kind, "LOWEST"));

        assertThat(casesOf("APPRAISAL_EVENT", recordEvent("ZB002", "2048-02", kind)))
                .as("a unit scheme's veto, a person's event")
                .isEmpty();
        assertThat(casesOf("APPRAISAL_EVENT", recordEvent("zedu-xk", "2048-02", kind)))
                .as("a unit scheme's veto, a unit's event")
                .hasSize(1);

        saveScheme("staff-monthly", "2048-03", Map.of(kind, "DOWN_ONE"));
        assertThat(casesOf("APPRAISAL_EVENT", recordEvent("ZB002", "2048-03", kind)))
                .as("a person scheme's downgrade, a person's event")
                .hasSize(1);
    }

    @Test
    void anEventNoSchemeActsOnOpensNoCase() {
        var eventId = recordEvent(
                "ZB002", "2045-05", "COMMENDATION_" + Math.abs(UUID.randomUUID().hashCode() % 1000));
        assertThat(casesOf("APPRAISAL_EVENT", eventId)).isEmpty();
    }

    @Test
    void aPublishedWorstRankingOpensACaseAgainstTheListedUnitsLeader_once() {
        rate("zedu-xk", 2047, 5, 1);
        rate("zhlth", 2047, 5, 5);
        var drawn = as("appraiser").post("""
                mutation { drawCitizenRanking(input: {period: "2047-Q1", worst: 1, ballotsPerUnit: 5, minBallots: 5,
                  seed: "cases-ranking-2047"}) { ranking { id entries { unit { id } } } errors { field code message } } }""").ok().path("drawCitizenRanking");
        assertThat(drawn.path("errors").isEmpty()).as(drawn.toString()).isTrue();
        var rankingId = drawn.path("ranking").path("id").asString();
        assertThat(casesOf("CITIZEN_RANKING", rankingId + ":zedu-xk"))
                .as("a draft ranking opens nothing")
                .isEmpty();

        var published = as("appraiser")
                .post(
                        "mutation($id: ID!) { publishCitizenRanking(input: {id: $id}) { errors { code } } }",
                        Map.of("id", rankingId))
                .ok()
                .path("publishCitizenRanking");
        assertThat(published.path("errors").isEmpty()).as(published.toString()).isTrue();

        var cases = casesOf("CITIZEN_RANKING", rankingId + ":zedu-xk");
        assertThat(cases).hasSize(1);
        var c = cases.get(0);
        assertThat(c.path("status").asString()).isEqualTo("DRAFT");
        assertThat(c.path("source").path("reference").asString()).isEqualTo("2047-Q1 #1");
        assertThat(c.path("situation").path("code").asString()).isEqualTo("services.slow");
        assertThat(c.path("post").path("id").asString()).isEqualTo("zedu-xk-head");
        assertThat(c.path("person").path("id").asString()).isEqualTo("ZB003");
        assertThat(c.path("actDate").asString())
                .as("the period lies ahead of publication: the publication day")
                .isEqualTo(LocalDate.now(clock).toString());
        assertThat(roles(c)).containsExactly("POST_HOLDER", "IN_CHARGE_SUPERVISOR", "PRINCIPAL_LEADER");
        assertThat(casesOf("CITIZEN_RANKING", rankingId + ":zhlth"))
                .as("not listed")
                .isEmpty();

        replay("WorstRankingPublished", rankingId);
        assertThat(casesOf("CITIZEN_RANKING", rankingId + ":zedu-xk")).hasSize(1);
    }

    /** A shipped scheme template with these overrides (event kind to effect), its own kinds declared. */
    private void saveScheme(String template, String from, Map<String, String> overrides) {
        JsonNode definition = null;
        for (var edge : as("appraiser")
                .post("{ appraisalTemplates(first: 50) { edges { node { id definition } } } }")
                .ok()
                .path("appraisalTemplates")
                .path("edges")) {
            if (edge.path("node").path("id").asString().equals(template)) {
                definition = edge.path("node").path("definition");
            }
        }
        @SuppressWarnings("unchecked")
        var scheme = (Map<String, Object>) GraphQlJson.toObject(definition);
        if (scheme.get("subject").equals("PERSON")) {
            // the person templates link to a saved unit-monthly scheme: one indicator of their own instead
            scheme.put(
                    "indicators", List.of(Map.of("code", "post", "label", "本岗工作", "weight", "100", "input", Map.of())));
        }
        scheme.put(
                "overrides",
                overrides.entrySet().stream()
                        .map(o -> Map.of("event", o.getKey(), "effect", o.getValue()))
                        .toList());
        var declared = new java.util.ArrayList<Object>();
        if (scheme.get("events") instanceof List<?> events) {
            declared.addAll(events);
        }
        overrides.keySet().stream().filter(k -> k.startsWith("SUBJECT_KIND_")).forEach(declared::add);
        scheme.put("events", declared);
        var saved = as("appraiser")
                .post("""
                mutation($id: ID!, $from: String!, $d: JSON!) { saveAppraisalScheme(input: {id: $id, validFrom: $from, definition: $d}) {
                  errors { field code message } } }""", Map.of("id", "cases-" + UUID.randomUUID(), "from", from, "d", scheme))
                .ok()
                .path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
    }

    private String recordEvent(String subject, String month, String kind) {
        var recorded = as("appraiser")
                .post("""
                mutation($s: ID!, $p: String!, $k: String!) { recordAppraisalEvent(input: {subjectId: $s, period: $p, kind: $k}) {
                  eventId errors { field code message } } }""", Map.of("s", subject, "p", month, "k", kind))
                .ok()
                .path("recordAppraisalEvent");
        assertThat(recorded.path("errors").isEmpty()).as(recorded.toString()).isTrue();
        return recorded.path("eventId").asString();
    }

    /** Ratings of a unit in the first quarter of {@code year}, each with this score. */
    private void rate(String unitId, int year, int count, int score) {
        var at = LocalDate.of(year, 2, 10)
                .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toInstant()
                .toEpochMilli();
        try (var session = driver.session()) {
            for (int i = 0; i < count; i++) {
                session.run(
                                """
                        CREATE (:ServiceRating {unitId: $unit, caseTag: $tag, score: $score, indicators: ['LAZY'], at: $at})""",
                                Map.of(
                                        "unit",
                                        unitId,
                                        "tag",
                                        "cases-" + UUID.randomUUID(),
                                        "score",
                                        score,
                                        "at",
                                        at + i))
                        .consume();
            }
        }
    }

    /** Sets the delivered effects of this kind whose payload names {@code id} pending again, and delivers them. */
    private void replay(String kind, String id) {
        try (var session = driver.session()) {
            var n = session.run("""
                    MATCH (e:Effect {kind: $kind}) WHERE e.payload CONTAINS $id AND e.handler STARTS WITH 'cases.'
                    SET e.state = 'PENDING', e.dueAt = 0 RETURN count(e) AS n""", Map.of("kind", kind, "id", id))
                    .single()
                    .get("n")
                    .asLong();
            assertThat(n).as("effects to replay").isPositive();
        }
        effects.deliverDue();
    }

    private static List<String> roles(JsonNode c) {
        return c.path("chain").valueStream().map(l -> l.path("role").asString()).toList();
    }

    private List<JsonNode> casesOf(String kind, String sourceId) {
        return as(OFFICE)
                .post("""
                query($kind: String) { accountabilityCases(filter: {sourceKind: $kind}, first: 500) {
                  edges { node { id source { id } } } } }""", Map.of("kind", kind))
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("source").path("id").asString().equals(sourceId))
                .map(n -> caseAs(OFFICE, n.path("id").asString()))
                .toList();
    }
}
