package org.dutygraph.org.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
}
