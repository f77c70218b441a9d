package org.dutygraph.org.read;

import java.util.HashMap;
import java.util.List;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Repository;

/** Finding duties and power items by holder, concept, area, category and text. */
@Repository
public class DutySearchStore {

    public record Filter(String holderId, String conceptId, String areaId, String status) {}

    public record Hit(DutyView duty, double score) {}

    private final BatchReadStore reads;

    DutySearchStore(BatchReadStore reads) {
        this.reads = reads;
    }

    /**
     * Duties matching every given criterion. The most selective anchor (holder, then concept, then area)
     * drives the match; concept and area include everything narrower or contained.
     */
    public List<DutyView> duties(Filter filter, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("holderId", filter.holderId());
        params.put("conceptId", filter.conceptId());
        params.put("areaId", filter.areaId());
        params.put("status", filter.status());
        params.putAll(OrgReadStore.page(after, limit));
        String anchor;
        if (filter.holderId() != null) {
            anchor = HOLDER + """
                    CALL (h) {
                      MATCH (d:Duty)-[:HELD_BY]->(h) RETURN d
                      UNION
                      MATCH (d:Duty)-[:HELD_BY]->(:Post)-[:IN_ORG]->(h) RETURN d
                    }""";
        } else if (filter.conceptId() != null) {
            anchor = """
                    MATCH (:Concept {id: $conceptId})<-[:BROADER*0..]-(:Concept)<-[:ON_OBJECT|ACTION]-(d:Duty)
                    WITH DISTINCT d""";
        } else if (filter.areaId() != null) {
            anchor = """
                    MATCH (:Area {id: $areaId})<-[:WITHIN*0..]-(a:Area)
                    CALL (a) {
                      MATCH (d:Duty)-[:IN_AREA]->(a) RETURN d
                      UNION
                      MATCH (a)<-[:IN_AREA]-(:Organization)<-[:PART_OF*0..]-(:Organization)<-[:IN_ORG*0..1]-()<-[:HELD_BY]-(d:Duty)
                      RETURN d
                    }
                    WITH DISTINCT d""";
        } else {
            throw new org.dutygraph.platform.graphql.BadInputException(
                    "filter", "MISSING_FIELD", Text.of(OrgTexts.GIVE_A_FILTER));
        }
        return reads.list(anchor + """

                WITH d WHERE ($after IS NULL OR d.id > $after)
                  AND ($status IS NULL OR coalesce(d.status, 'active') = $status)
                  AND ($conceptId IS NULL OR EXISTS {
                        MATCH (d)-[:ON_OBJECT|ACTION]->(:Concept)-[:BROADER*0..]->(:Concept {id: $conceptId}) })
                  AND ($areaId IS NULL
                       OR EXISTS { MATCH (d)-[:IN_AREA]->(:Area)-[:WITHIN*0..]->(:Area {id: $areaId}) }
                       OR (NOT (d)-[:IN_AREA]->() AND EXISTS {
                             MATCH (d)-[:HELD_BY]->()-[:IN_ORG*0..1]->(:Organization)-[:PART_OF*0..]->(:Organization)
                                   -[:IN_AREA]->(:Area)-[:WITHIN*0..]->(:Area {id: $areaId}) }))
                RETURN d ORDER BY d.id LIMIT $limit""", params, r -> OrgRows.duty(r.get("d").asNode()));
    }

    /** The unit or post with id $holderId, found through the id indexes of both labels. */
    private static final String HOLDER = """
            CALL () {
              MATCH (h:Organization {id: $holderId}) RETURN h
              UNION
              MATCH (h:Post {id: $holderId}) RETURN h
            }
            """;

    /**
     * Full-text search with the cjk analyzer, keyset-paged on (score descending, id): {@code after} is the last
     * hit of the previous page, or null. Scores are stable while the index is, and a duty added meanwhile cannot
     * shift a page. {@code query} is Lucene syntax: build it with
     * {@link org.dutygraph.platform.search.FullTextQuery}, never from raw input.
     */
    public List<Hit> search(String text, SearchKey after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("text", text);
        params.put("afterScore", after == null ? null : after.score());
        params.put("afterId", after == null ? null : after.dutyId());
        params.put("limit", limit);
        return reads.list(
                """
                CALL db.index.fulltext.queryNodes('duty_text', $text) YIELD node, score
                WITH node, score WHERE $afterScore IS NULL OR score < $afterScore
                  OR (score = $afterScore AND node.id > $afterId)
                RETURN node, score ORDER BY score DESC, node.id LIMIT $limit""",
                params,
                r -> new Hit(
                        OrgRows.duty(r.get("node").asNode()), r.get("score").asDouble()));
    }

    /** Where a page of search hits ends: the hit's exact score and the duty's id. */
    public record SearchKey(double score, String dutyId) {

        /** The key as cursor text: the score's exact bits, then the id. */
        public String text() {
            return Long.toHexString(Double.doubleToRawLongBits(score)) + ":" + dutyId;
        }

        /** Null when the text is not a search key (a cursor of another list). */
        public static SearchKey parse(String text) {
            var colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                return null;
            }
            try {
                return new SearchKey(
                        Double.longBitsToDouble(Long.parseUnsignedLong(text.substring(0, colon), 16)),
                        text.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public List<PowerItemView> powerItems(String category, String holderId, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("category", category);
        params.put("holderId", holderId);
        params.putAll(OrgReadStore.page(after, limit));
        var match = holderId == null ? "MATCH (p:PowerItem)" : HOLDER + """
                CALL (h) {
                  MATCH (p:PowerItem)<-[:EXERCISES]-(:Duty)-[:HELD_BY]->(h) RETURN p
                  UNION
                  MATCH (p:PowerItem)<-[:EXERCISES]-(:Duty)-[:HELD_BY]->(:Post)-[:IN_ORG]->(h) RETURN p
                }""";
        return reads.list(match + """

                WITH p WHERE ($category IS NULL OR p.category = $category) AND ($after IS NULL OR p.id > $after)
                RETURN p ORDER BY p.id LIMIT $limit""", params, r -> OrgRows.powerItem(r.get("p").asNode()));
    }
}
