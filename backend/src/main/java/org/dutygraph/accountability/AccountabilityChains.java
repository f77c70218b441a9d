package org.dutygraph.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dutygraph.accountability.AccountabilityStore.NewMeasure;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.SupervisoryChain;
import org.dutygraph.org.read.Views.ChainLinkView;
import org.dutygraph.org.read.Views.ChainStep;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Tracing responsibility back (责任倒查) from the post a finding or complaint is about, up its supervisory
 * chain, and the measures taken against the posts on it. The public interface of this feature. Each method
 * joins the caller's transaction when there is one ({@link GraphTransactions}), else runs in its own.
 */
@Service
public class AccountabilityChains {

    /** The ladder of domain §6, mildest first; SUSPENSION is "suspend first, then investigate". */
    public static final List<String> MEASURES = List.of(
            "REMINDER_TALK",
            "ADMONISHMENT_TALK",
            "CIRCULATED_CRITICISM",
            "OFF_POST_TRAINING",
            "TRANSFER",
            "REMOVAL",
            "DEMOTION",
            "SUSPENSION");

    public record Measure(String measure, String note, String recordedBy, java.time.OffsetDateTime recordedAt) {}

    public record Link(String role, PostView post, List<Measure> measures) {}

    /** Empty links when there is no post to start from. */
    public record Chain(String findingId, String postId, List<Link> links) {}

    private final SupervisoryChain chains;
    private final OrgReadStore org;
    private final AccountabilityStore store;
    private final GraphTransactions graph;
    private final Clock clock;

    AccountabilityChains(
            SupervisoryChain chains,
            OrgReadStore org,
            AccountabilityStore store,
            GraphTransactions graph,
            Clock clock) {
        this.chains = chains;
        this.org = org;
        this.store = store;
        this.graph = graph;
        this.clock = clock;
    }

    /** A step of a traced chain with whoever held the post on the day traced (null when nobody, or several, did). */
    public record Traced(String role, PostView post, String personId, String personName) {}

    /** The post of a person holding a badge number today, if they hold exactly one. */
    public Optional<String> postOfBadge(String badgeNumber) {
        return postOfBadge(badgeNumber, LocalDate.now(clock));
    }

    /** The post of a person holding a badge number on {@code day}, if they held exactly one. */
    public Optional<String> postOfBadge(String badgeNumber, LocalDate day) {
        var posts = graph.read(() -> store.postsHeld(badgeNumber, day));
        return posts.size() == 1 ? Optional.of(posts.get(0)) : Optional.empty();
    }

    /**
     * The chain from the post to the principal leader as it stood on {@code day}: the post holder first, each
     * supervisor up to and including the principal leader (not the government above), each with its sole holder
     * on that day. Empty for an unknown post.
     */
    public List<Traced> traceToPrincipal(String postId, LocalDate day) {
        return traceToPrincipal(List.of(new PostDay(postId, day))).get(new PostDay(postId, day));
    }

    /** A post and the day its chain is traced for. */
    public record PostDay(String postId, LocalDate day) {}

    /**
     * {@link #traceToPrincipal(String, LocalDate)} for many posts and days in a few queries: each post's chain once
     * (walked side by side), the sole holders of every post on every day in one.
     */
    public Map<PostDay, List<Traced>> traceToPrincipal(Collection<PostDay> wanted) {
        return graph.read(() -> {
            var postIds = wanted.stream()
                    .map(PostDay::postId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            var posts = org.posts(postIds);
            var walks = chains.of(posts.keySet());
            var measures = measures("");
            var kept = new HashMap<String, List<Link>>();
            posts.forEach((id, post) -> kept.put(id, toPrincipal(links(post, walks.get(id), measures))));
            var asked = new LinkedHashSet<List<String>>();
            for (var w : wanted) {
                kept.getOrDefault(w.postId(), List.of())
                        .forEach(l -> asked.add(List.of(l.post().id(), w.day().toString())));
            }
            var holders = asked.isEmpty() ? Map.<List<String>, List<String>>of() : store.soleHoldersOn(asked);
            var traced = new HashMap<PostDay, List<Traced>>();
            for (var w : wanted) {
                var day = w.day().toString();
                traced.put(
                        w,
                        kept.getOrDefault(w.postId(), List.of()).stream()
                                .map(l -> {
                                    var holder = holders.get(List.of(l.post().id(), day));
                                    return new Traced(
                                            l.role(),
                                            l.post(),
                                            holder == null ? null : holder.get(0),
                                            holder == null ? null : holder.get(1));
                                })
                                .toList());
            }
            return traced;
        });
    }

    /** The links up to and including the principal leader (not the government above). */
    private static List<Link> toPrincipal(List<Link> links) {
        var kept = new ArrayList<Link>();
        for (var link : links) {
            if (link.role().equals("PARENT_HEAD")) {
                break;
            }
            kept.add(link);
        }
        return kept;
    }

    /** The post holder first, then each supervisor up the chain, with the measures recorded under {@code subjectId}. */
    public Chain chain(String postId, String subjectId) {
        return graph.read(() -> {
            var post = postId == null ? null : org.posts(List.of(postId)).get(postId);
            if (post == null) {
                return new Chain(subjectId, null, List.of());
            }
            return new Chain(subjectId, postId, links(post, chains.of(postId), measures(subjectId)));
        });
    }

    /**
     * The chain of each post, as {@link #chain} gives it, without measures (for whom to tell, not what was done):
     * walked side by side, a query per step up for all of them. Unknown posts are left out.
     */
    public Map<String, List<Link>> chains(Collection<String> postIds) {
        return graph.read(() -> {
            var posts = org.posts(postIds);
            var walks = chains.of(posts.keySet());
            var found = new HashMap<String, List<Link>>();
            posts.forEach((id, post) -> found.put(id, links(post, walks.get(id), Map.of())));
            return found;
        });
    }

    private static List<Link> links(PostView post, List<ChainLinkView> walk, Map<String, List<Measure>> measures) {
        var links = new ArrayList<Link>();
        links.add(new Link("POST_HOLDER", post, measures.getOrDefault(post.id(), List.of())));
        boolean principalReached = "principal".equals(post.role());
        for (var link : walk) {
            var role = principalReached ? "PARENT_HEAD" : role(link.via(), link.post());
            principalReached |= role.equals("PRINCIPAL_LEADER");
            links.add(new Link(
                    role, link.post(), measures.getOrDefault(link.post().id(), List.of())));
        }
        return links;
    }

    /** Records a measure against a post about a subject; it commits with the caller's change. */
    public void record(String subjectType, String subjectId, String postId, String measure, String note, String by) {
        long now = clock.millis();
        var id = UUID.randomUUID().toString();
        graph.write(() -> store.create(
                new NewMeasure(id, subjectType, subjectId, postId, measure, note, by, now, TimeKeys.key(now, id))));
    }

    private Map<String, List<Measure>> measures(String subjectId) {
        var byPost = new HashMap<String, List<Measure>>();
        store.measures(subjectId)
                .forEach(m -> byPost.computeIfAbsent(m.postId(), k -> new ArrayList<>())
                        .add(m.measure()));
        return byPost;
    }

    /**
     * The role a supervisor answers in (domain §6: section head, supervising deputy, principal leader), from the
     * post's own role first (a declared reporting line says nothing about it), then from how the step was reached
     * (the unit's head, a supervision kind). Whoever comes after the principal leader is the government above.
     */
    private static String role(ChainStep step, PostView post) {
        var postRole = post.role() == null ? "" : post.role();
        return switch (postRole) {
            case "principal" -> "PRINCIPAL_LEADER";
            case "deputy" -> "IN_CHARGE_SUPERVISOR";
            case "head", "deputy_head", "chief_representative" -> "SECTION_HEAD";
            default ->
                switch (step) {
                    case PRINCIPAL -> "PRINCIPAL_LEADER";
                    case IN_CHARGE -> "IN_CHARGE_SUPERVISOR";
                    case UNIT_HEAD -> "SECTION_HEAD";
                    case PARENT_UNIT_HEAD -> "PARENT_HEAD";
                    case REPORTS_TO -> "REPORTS_TO";
                };
        };
    }
}
