package org.dutygraph.org.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dutygraph.org.read.Views.ChainLinkView;
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

    private final OrgReadStore org;

    SupervisoryChain(OrgReadStore org) {
        this.org = org;
    }

    public List<ChainLinkView> of(String postId) {
        var links = new ArrayList<ChainLinkView>();
        var seen = new HashSet<String>();
        seen.add(postId);
        var current = postId;
        while (links.size() < MAX_LINKS) {
            var next = org.nextLink(current);
            if (next == null || !seen.add(next.post().id())) {
                break;
            }
            links.add(next);
            current = next.post().id();
        }
        return links;
    }

    /**
     * {@link #of(String)} for many posts, walked side by side: a query per step up for all of them (chains meeting
     * on the way share their steps), not per post and step.
     */
    public Map<String, List<ChainLinkView>> of(Collection<String> postIds) {
        var walks = new LinkedHashMap<String, Walk>();
        postIds.forEach(id -> walks.putIfAbsent(id, new Walk(id)));
        var known = new HashMap<String, Optional<ChainLinkView>>();
        var walking = new ArrayList<>(walks.values());
        while (!walking.isEmpty()) {
            var asked = walking.stream()
                    .map(w -> w.current)
                    .filter(id -> !known.containsKey(id))
                    .collect(Collectors.toSet());
            if (!asked.isEmpty()) {
                var found = org.nextLinks(asked);
                asked.forEach(id -> known.put(id, Optional.ofNullable(found.get(id))));
            }
            walking.removeIf(w -> !w.step(known.get(w.current).orElse(null)));
        }
        var chains = new LinkedHashMap<String, List<ChainLinkView>>();
        walks.forEach((id, w) -> chains.put(id, w.links));
        return chains;
    }

    /** One post's walk so far. */
    private static final class Walk {
        final List<ChainLinkView> links = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        String current;

        Walk(String postId) {
            seen.add(postId);
            current = postId;
        }

        /** Takes the next link; false when the walk has ended (the top, a cycle, or the longest chain). */
        boolean step(ChainLinkView next) {
            if (next == null || !seen.add(next.post().id())) {
                return false;
            }
            links.add(next);
            current = next.post().id();
            return links.size() < MAX_LINKS;
        }
    }
}
