package org.dutygraph.org.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.dutygraph.org.read.Views.ChainLinkView;
import org.dutygraph.org.read.Views.ChainStep;
import org.dutygraph.org.read.Views.PostView;
import org.springframework.stereotype.Service;

/**
 * Walks from a post to the top of the government: its declared reports-to post if any; otherwise
 * the head of its unit; for a head, the deputy in charge of the unit (分管), else the principal
 * supervisor (主要负责), else the head of the nearest parent unit that has one. Stops at a cycle.
 * This is the chain used to trace responsibility (责任倒查) and to find arbiters.
 */
@Service
public class SupervisoryChain {

    private static final int MAX_LINKS = 64;

    private final GraphReads reads;
    SupervisoryChain(GraphReads reads) {
        this.reads = reads;
    }

    public List<ChainLinkView> of(String postId) {
        var links = new ArrayList<ChainLinkView>();
        var seen = new HashSet<String>();
        seen.add(postId);
        var current = postId;
        while (links.size() < MAX_LINKS) {
            var next = nextLink(current);
            if (next == null || !seen.add(next.post().id())) {
                break;
            }
            links.add(next);
            current = next.post().id();
        }
        return links;
    }

    private ChainLinkView nextLink(String postId) {
        var rows = reads.list("""
                MATCH (p:Post {id: $id})
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
                RETURN reportsTo, head, supervisor, kind, parentHead""", Map.of("id", postId), r -> r);
        if (rows.isEmpty()) {
            return null;
        }
        var r = rows.get(0);
        if (!r.get("reportsTo").isNull()) {
            return new ChainLinkView(PostView.of(r.get("reportsTo").asNode()), ChainStep.REPORTS_TO);
        }
        if (!r.get("head").isNull() && !r.get("head").asNode().get("id").asString().equals(postId)) {
            return new ChainLinkView(PostView.of(r.get("head").asNode()), ChainStep.UNIT_HEAD);
        }
        if (!r.get("supervisor").isNull() && !r.get("supervisor").asNode().get("id").asString().equals(postId)) {
            var step = "in_charge".equals(r.get("kind").asString(null)) ? ChainStep.IN_CHARGE : ChainStep.PRINCIPAL;
            return new ChainLinkView(PostView.of(r.get("supervisor").asNode()), step);
        }
        if (!r.get("parentHead").isNull()) {
            return new ChainLinkView(PostView.of(r.get("parentHead").asNode()), ChainStep.PARENT_UNIT_HEAD);
        }
        return null;
    }
}
