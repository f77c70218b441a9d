package org.dutygraph.org.read;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.org.read.Views.AreaView;
import org.dutygraph.org.read.Views.ChainLinkView;
import org.dutygraph.org.read.Views.ChainStep;
import org.dutygraph.org.read.Views.ConceptView;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.MembershipView;
import org.dutygraph.org.read.Views.PersonView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.org.read.Views.StaffingView;
import org.dutygraph.org.read.Views.SupervisionView;
import org.dutygraph.org.read.Views.UnitView;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Repository;

/** Every read of the organisation graph the API makes; each takes many ids at once. */
@Repository
public class OrgReadStore {

    /** A membership is current when it has started and not ended (dates are ISO strings). */
    private static final String CURRENT = Holdings.currentOn("m", "$today");

    private final BatchReadStore reads;
    private final Clock clock;

    OrgReadStore(BatchReadStore reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    private Map<String, Object> today() {
        return Map.of("today", LocalDate.now(clock).toString());
    }

    private static Node node(Record r) {
        return r.get("value").asNode();
    }

    // ---- units

    public Map<String, UnitView> units(Collection<String> ids) {
        return byId("Organization", ids, OrgRows::unit);
    }

    public List<UnitView> unitPage(String parentId, String classification, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("parentId", parentId);
        params.put("classification", classification);
        params.put("after", after);
        params.put("limit", limit);
        var match = parentId == null
                ? "MATCH (u:Organization) WHERE NOT (u)-[:PART_OF]->(:Organization)"
                : "MATCH (u:Organization)-[:PART_OF]->(:Organization {id: $parentId}) WHERE true";
        return reads.list(match + """
                 AND ($classification IS NULL OR u.classification = $classification)
                 AND ($after IS NULL OR u.id > $after)
                RETURN u ORDER BY u.id LIMIT $limit""", params, r -> OrgRows.unit(r.get("u").asNode()));
    }

    public Map<String, List<UnitView>> childPages(Collection<String> parentIds, String after, int limit) {
        return reads.grouped("""
                UNWIND $ids AS key
                CALL (key) {
                  MATCH (value:Organization)-[:PART_OF]->(:Organization {id: key})
                  WHERE $after IS NULL OR value.id > $after
                  RETURN value ORDER BY value.id LIMIT $limit
                }
                RETURN key, value""", parentIds, page(after, limit), r -> OrgRows.unit(node(r)));
    }

    public Map<String, UnitView> parents(Collection<String> unitIds) {
        return reads.single("""
                UNWIND $ids AS key MATCH (:Organization {id: key})-[:PART_OF]->(value:Organization) RETURN key, value""", unitIds, r -> OrgRows.unit(node(r)));
    }

    /** Each unit's ancestors, from its parent up to the root. */
    public Map<String, List<UnitView>> ancestors(Collection<String> unitIds) {
        return reads.grouped("""
                UNWIND $ids AS key
                MATCH path = (:Organization {id: key})-[:PART_OF*1..]->(root:Organization)
                WHERE NOT (root)-[:PART_OF]->()
                UNWIND nodes(path)[1..] AS value RETURN key, value""", unitIds, r -> OrgRows.unit(node(r)));
    }

    public Map<String, List<UnitView>> sections(Collection<String> unitIds) {
        return reads.grouped("""
                UNWIND $ids AS key
                MATCH (value:Organization {classification: 'section'})-[:PART_OF]->(:Organization {id: key})
                RETURN key, value ORDER BY value.id""", unitIds, r -> OrgRows.unit(node(r)));
    }

    public Map<String, AreaView> areasOfUnits(Collection<String> unitIds) {
        return reads.single("""
                UNWIND $ids AS key MATCH (:Organization {id: key})-[:IN_AREA]->(value:Area) RETURN key, value""", unitIds, r -> OrgRows.area(node(r)));
    }

    public Map<String, List<PostView>> postPages(Collection<String> unitIds, String after, int limit) {
        return reads.grouped("""
                UNWIND $ids AS key
                CALL (key) {
                  MATCH (value:Post)-[:IN_ORG]->(:Organization {id: key})
                  WHERE $after IS NULL OR value.id > $after
                  RETURN value ORDER BY value.id LIMIT $limit
                }
                RETURN key, value""", unitIds, page(after, limit), r -> OrgRows.post(node(r)));
    }

    /**
     * Duties held by each unit itself or by one of its posts. Each holder kind keeps only its first page before the
     * two are merged (a duty has one holder), so a unit of 10,000 duties sorts two short lists, not all of them.
     */
    public Map<String, List<DutyView>> unitDutyPages(Collection<String> unitIds, String after, int limit) {
        return reads.grouped("""
                UNWIND $ids AS key
                MATCH (u:Organization {id: key})
                CALL (u) {
                  CALL (u) {
                    MATCH (value:Duty)-[:HELD_BY]->(u) WHERE $after IS NULL OR value.id > $after
                    RETURN value ORDER BY value.id LIMIT $limit
                    UNION
                    MATCH (value:Duty)-[:HELD_BY]->(:Post)-[:IN_ORG]->(u) WHERE $after IS NULL OR value.id > $after
                    RETURN value ORDER BY value.id LIMIT $limit
                  }
                  RETURN value ORDER BY value.id LIMIT $limit
                }
                RETURN key, value""", unitIds, page(after, limit), r -> OrgRows.duty(node(r)));
    }

    /** Staffing over the unit and its internal sections: posts, filled posts and people on post today. */
    public Map<String, StaffingView> staffing(Collection<UnitView> units) {
        var ids = units.stream().map(UnitView::id).toList();
        var byId = new HashMap<String, UnitView>();
        units.forEach(u -> byId.put(u.id(), u));
        return reads.single("""
                UNWIND $ids AS key
                MATCH (u:Organization {id: key})
                CALL (u) {
                  RETURN u AS x
                  UNION
                  MATCH (x:Organization {classification: 'section'})-[:PART_OF]->(u) RETURN x
                  UNION
                  MATCH (x:Organization {classification: 'section'})-[:PART_OF]->(:Organization {classification: 'section'})-[:PART_OF]->(u)
                  RETURN x
                }
                OPTIONAL MATCH (p:Post)-[:IN_ORG]->(x) WHERE coalesce(p.status, 'active') <> 'dissolved'
                OPTIONAL MATCH (person:Person)-[m:HOLDS]->(p) WHERE %s
                RETURN key, count(DISTINCT p) AS posts,
                       count(DISTINCT CASE WHEN person IS NOT NULL THEN p END) AS filled,
                       count(DISTINCT person) AS staff,
                       count(DISTINCT CASE WHEN p.postClass = 'leadership' THEN person END) AS leaders
                """.formatted(CURRENT), ids, today(), r -> {
            var unit = byId.get(r.get("key").asString());
            int posts = r.get("posts").asInt();
            int filled = r.get("filled").asInt();
            int staff = r.get("staff").asInt();
            return new StaffingView(
                    unit.quota(),
                    unit.leadershipPositions(),
                    posts,
                    filled,
                    posts - filled,
                    staff,
                    r.get("leaders").asInt(),
                    unit.quota() != null && staff > unit.quota());
        });
    }

    public Map<String, List<SupervisionView>> supervisorsOfUnits(Collection<String> unitIds) {
        return reads.grouped(
                """
                UNWIND $ids AS key
                MATCH (p:Post)-[s:SUPERVISES]->(:Organization {id: key})
                RETURN key, p.id AS postId, s.kind AS kind ORDER BY s.kind DESC, p.id""",
                unitIds,
                r -> new SupervisionView(
                        r.get("postId").asString(),
                        r.get("key").asString(),
                        r.get("kind").asString()));
    }

    // ---- posts

    public Map<String, PostView> posts(Collection<String> ids) {
        return byId("Post", ids, OrgRows::post);
    }

    public Map<String, UnitView> unitsOfPosts(Collection<String> postIds) {
        return reads.single("""
                UNWIND $ids AS key MATCH (:Post {id: key})-[:IN_ORG]->(value:Organization) RETURN key, value""", postIds, r -> OrgRows.unit(node(r)));
    }

    public Map<String, List<PersonView>> currentHolders(Collection<String> postIds) {
        return reads.grouped("""
                UNWIND $ids AS key
                MATCH (value:Person)-[m:HOLDS]->(:Post {id: key}) WHERE %s
                RETURN key, value ORDER BY value.id""".formatted(CURRENT), postIds, today(), r -> OrgRows.person(node(r)));
    }

    public Map<String, List<MembershipView>> membershipsOfPosts(Collection<String> postIds) {
        return memberships("(person:Person)-[m:HOLDS]->(post:Post {id: key})", postIds);
    }

    public Map<String, List<MembershipView>> membershipsOfPersons(Collection<String> personIds) {
        return memberships("(person:Person {id: key})-[m:HOLDS]->(post:Post)", personIds);
    }

    private Map<String, List<MembershipView>> memberships(String pattern, Collection<String> ids) {
        return reads.grouped(
                """
                UNWIND $ids AS key MATCH %s
                RETURN key, person.id AS personId, post.id AS postId, m.startDate AS startDate, m.endDate AS endDate,
                       %s AS current
                ORDER BY m.startDate DESC""".formatted(pattern, CURRENT),
                ids,
                today(),
                r -> new MembershipView(
                        r.get("personId").asString(),
                        r.get("postId").asString(),
                        r.get("startDate").asString().isEmpty()
                                ? null
                                : r.get("startDate").asString(),
                        r.get("endDate").asString(null),
                        r.get("current").asBoolean()));
    }

    public Map<String, PostView> relatedPost(Collection<String> postIds, String relationship) {
        var pattern = switch (relationship) {
            case "BACKED_UP_BY" -> "(:Post {id: key})-[:BACKED_UP_BY]->(value:Post)";
            case "REPORTS_TO" -> "(:Post {id: key})-[:REPORTS_TO]->(value:Post)";
            default -> throw new IllegalArgumentException(relationship);
        };
        return reads.single(
                "UNWIND $ids AS key MATCH " + pattern + " RETURN key, value", postIds, r -> OrgRows.post(node(r)));
    }

    public Map<String, List<PostView>> backupFor(Collection<String> postIds) {
        return reads.grouped("""
                UNWIND $ids AS key MATCH (value:Post)-[:BACKED_UP_BY]->(:Post {id: key})
                RETURN key, value ORDER BY value.id""", postIds, r -> OrgRows.post(node(r)));
    }

    public List<PostView> reportsToChain(String postId) {
        return reads.list("""
                MATCH path = (:Post {id: $id})-[:REPORTS_TO*1..50]->(top:Post)
                WITH path ORDER BY length(path) DESC LIMIT 1
                UNWIND nodes(path)[1..] AS value RETURN value""", Map.of("id", postId), r -> OrgRows.post(node(r)));
    }

    public Map<String, List<SupervisionView>> supervisionByPosts(Collection<String> postIds) {
        return reads.grouped(
                """
                UNWIND $ids AS key
                MATCH (:Post {id: key})-[s:SUPERVISES]->(u:Organization)
                RETURN key, u.id AS unitId, s.kind AS kind ORDER BY u.id""",
                postIds,
                r -> new SupervisionView(
                        r.get("key").asString(),
                        r.get("unitId").asString(),
                        r.get("kind").asString()));
    }

    public Map<String, List<DutyView>> postDutyPages(Collection<String> postIds, String after, int limit) {
        return reads.grouped("""
                UNWIND $ids AS key
                CALL (key) {
                  MATCH (value:Duty)-[:HELD_BY]->(:Post {id: key})
                  WHERE $after IS NULL OR value.id > $after
                  RETURN value ORDER BY value.id LIMIT $limit
                }
                RETURN key, value""", postIds, page(after, limit), r -> OrgRows.duty(node(r)));
    }

    // ---- persons

    public Map<String, PersonView> persons(Collection<String> ids) {
        return byId("Person", ids, OrgRows::person);
    }

    // ---- duties

    public Map<String, DutyView> duties(Collection<String> ids) {
        return byId("Duty", ids, OrgRows::duty);
    }

    /** The holder of each duty: a {@link UnitView} or a {@link PostView}. */
    public Map<String, Object> dutyHolders(Collection<String> dutyIds) {
        return reads.single(
                """
                UNWIND $ids AS key MATCH (:Duty {id: key})-[:HELD_BY]->(value) RETURN key, value""", dutyIds, r -> node(r).hasLabel("Post") ? OrgRows.post(node(r)) : OrgRows.unit(node(r)));
    }

    public Map<String, UnitView> holderUnits(Collection<String> dutyIds) {
        return reads.single("""
                UNWIND $ids AS key
                MATCH (:Duty {id: key})-[:HELD_BY]->(h)
                OPTIONAL MATCH (h)-[:IN_ORG]->(o:Organization)
                RETURN key, coalesce(o, h) AS value""", dutyIds, r -> OrgRows.unit(node(r)));
    }

    public Map<String, ConceptView> actions(Collection<String> dutyIds) {
        return reads.single("""
                UNWIND $ids AS key MATCH (:Duty {id: key})-[:ACTION]->(value:Concept) RETURN key, value""", dutyIds, r -> OrgRows.concept(node(r)));
    }

    public Map<String, List<ConceptView>> objects(Collection<String> dutyIds) {
        return reads.grouped("""
                UNWIND $ids AS key MATCH (:Duty {id: key})-[:ON_OBJECT]->(value:Concept)
                RETURN key, value ORDER BY value.id""", dutyIds, r -> OrgRows.concept(node(r)));
    }

    /** The duty's own area, or else the nearest area of its holder's unit and that unit's ancestors. */
    public Map<String, AreaView> effectiveAreas(Collection<String> dutyIds) {
        return reads.single("""
                UNWIND $ids AS key
                MATCH (d:Duty {id: key})
                OPTIONAL MATCH (d)-[:IN_AREA]->(own:Area)
                CALL (d) {
                  MATCH (d)-[:HELD_BY]->(h)
                  OPTIONAL MATCH (h)-[:IN_ORG]->(o:Organization)
                  WITH coalesce(o, h) AS unit
                  MATCH path = (unit)-[:PART_OF*0..]->(:Organization)-[:IN_AREA]->(a:Area)
                  RETURN a AS inherited ORDER BY length(path) LIMIT 1
                }
                WITH key, coalesce(own, inherited) AS value WHERE value IS NOT NULL
                RETURN key, value""", dutyIds, r -> OrgRows.area(node(r)));
    }

    public Map<String, List<PowerItemView>> powerItemsOfDuties(Collection<String> dutyIds) {
        return reads.grouped("""
                UNWIND $ids AS key MATCH (:Duty {id: key})-[:EXERCISES]->(value:PowerItem)
                RETURN key, value ORDER BY value.id""", dutyIds, r -> OrgRows.powerItem(node(r)));
    }

    // ---- power items

    public Map<String, PowerItemView> powerItems(Collection<String> ids) {
        return byId("PowerItem", ids, OrgRows::powerItem);
    }

    public Map<String, List<DutyView>> dutiesOfPowerItems(Collection<String> itemIds) {
        return reads.grouped("""
                UNWIND $ids AS key MATCH (value:Duty)-[:EXERCISES]->(:PowerItem {id: key})
                RETURN key, value ORDER BY value.id""", itemIds, r -> OrgRows.duty(node(r)));
    }

    public Map<String, List<Object>> holdersOfPowerItems(Collection<String> itemIds) {
        return reads.grouped(
                """
                UNWIND $ids AS key
                MATCH (:PowerItem {id: key})<-[:EXERCISES]-(:Duty)-[:HELD_BY]->(value)
                WITH DISTINCT key, value
                RETURN key, value ORDER BY value.id""", itemIds, r -> node(r).hasLabel("Post") ? OrgRows.post(node(r)) : OrgRows.unit(node(r)));
    }

    // ---- concepts and areas

    public Map<String, ConceptView> concepts(Collection<String> ids) {
        return byId("Concept", ids, OrgRows::concept);
    }

    public Map<String, ConceptView> broader(Collection<String> ids) {
        return reads.single("""
                UNWIND $ids AS key MATCH (:Concept {id: key})-[:BROADER]->(value:Concept) RETURN key, value""", ids, r -> OrgRows.concept(node(r)));
    }

    public Map<String, List<ConceptView>> narrower(Collection<String> ids) {
        return reads.grouped("""
                UNWIND $ids AS key MATCH (value:Concept)-[:BROADER]->(:Concept {id: key})
                RETURN key, value ORDER BY value.id""", ids, r -> OrgRows.concept(node(r)));
    }

    public Map<String, AreaView> areas(Collection<String> ids) {
        return byId("Area", ids, OrgRows::area);
    }

    public Map<String, AreaView> parentAreas(Collection<String> ids) {
        return reads.single("""
                UNWIND $ids AS key MATCH (:Area {id: key})-[:WITHIN]->(value:Area) RETURN key, value""", ids, r -> OrgRows.area(node(r)));
    }

    public Map<String, List<AreaView>> childAreas(Collection<String> ids) {
        return reads.grouped("""
                UNWIND $ids AS key MATCH (value:Area)-[:WITHIN]->(:Area {id: key})
                RETURN key, value ORDER BY value.id""", ids, r -> OrgRows.area(node(r)));
    }

    private <T> Map<String, T> byId(String label, Collection<String> ids, java.util.function.Function<Node, T> view) {
        return reads.single(
                "UNWIND $ids AS key MATCH (value:" + label + " {id: key}) RETURN key, value",
                ids,
                r -> view.apply(node(r)));
    }

    static Map<String, Object> page(String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", after);
        params.put("limit", limit);
        return params;
    }

    /** The next step up from a post in the walk {@link SupervisoryChain} describes, or null at the top. */
    ChainLinkView nextLink(String postId) {
        return nextLinks(List.of(postId)).get(postId);
    }

    /** {@link #nextLink} of each post in one query; a post at the top (or unknown) is left out. */
    Map<String, ChainLinkView> nextLinks(Collection<String> postIds) {
        var rows = reads.list("""
                UNWIND $ids AS id
                MATCH (p:Post {id: id})
                OPTIONAL MATCH (p)-[:REPORTS_TO]->(reportsTo:Post)
                OPTIONAL MATCH (p)-[:IN_ORG]->(unit:Organization)
                CALL (p, unit) {
                  OPTIONAL MATCH (head:Post)-[:IN_ORG]->(unit)
                  WHERE head.role IN ['principal', 'head'] AND coalesce(head.status, 'active') <> 'dissolved'
                  RETURN head ORDER BY CASE head.role WHEN 'principal' THEN 0 ELSE 1 END, head.id LIMIT 1
                }
                CALL (unit) {
                  OPTIONAL MATCH (s:Post)-[k:SUPERVISES]->(unit)
                  RETURN s AS supervisor, k.kind AS kind
                  ORDER BY CASE k.kind WHEN 'in_charge' THEN 0 ELSE 1 END, s.id LIMIT 1
                }
                CALL (unit) {
                  OPTIONAL MATCH path = (unit)-[:PART_OF*1..]->(:Organization)<-[:IN_ORG]-(ph:Post)
                  WHERE ph.role IN ['principal', 'head'] AND coalesce(ph.status, 'active') <> 'dissolved'
                  RETURN ph AS parentHead ORDER BY length(path), CASE ph.role WHEN 'principal' THEN 0 ELSE 1 END, ph.id LIMIT 1
                }
                RETURN id, reportsTo, head, supervisor, kind, parentHead""", Map.of("ids", List.copyOf(postIds)), r -> r);
        var links = new HashMap<String, ChainLinkView>();
        var seen = new java.util.HashSet<String>();
        for (var r : rows) {
            var postId = r.get("id").asString();
            // the first row of a post, as for one post alone
            if (!seen.add(postId)) {
                continue;
            }
            var link = nextLink(postId, r);
            if (link != null) {
                links.put(postId, link);
            }
        }
        return links;
    }

    private static ChainLinkView nextLink(String postId, Record r) {
        if (!r.get("reportsTo").isNull()) {
            return new ChainLinkView(OrgRows.post(r.get("reportsTo").asNode()), ChainStep.REPORTS_TO);
        }
        if (!r.get("head").isNull()
                && !r.get("head").asNode().get("id").asString().equals(postId)) {
            return new ChainLinkView(OrgRows.post(r.get("head").asNode()), ChainStep.UNIT_HEAD);
        }
        if (!r.get("supervisor").isNull()
                && !r.get("supervisor").asNode().get("id").asString().equals(postId)) {
            var step = "in_charge".equals(r.get("kind").asString(null)) ? ChainStep.IN_CHARGE : ChainStep.PRINCIPAL;
            return new ChainLinkView(OrgRows.post(r.get("supervisor").asNode()), step);
        }
        if (!r.get("parentHead").isNull()) {
            return new ChainLinkView(OrgRows.post(r.get("parentHead").asNode()), ChainStep.PARENT_UNIT_HEAD);
        }
        return null;
    }
}
