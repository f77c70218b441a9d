package org.dutygraph.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.accountability.AccountabilityChains.PostDay;
import org.dutygraph.accountability.AccountabilityChains.Traced;
import org.dutygraph.cases.CaseViews.Named;

/**
 * What opening cases looks up about their posts and people, each once per batch: the chain of a post as it stood on a
 * day, a post's unit, a person's name. A batch of red cards fetches them for all its posts and days in a few queries
 * ({@link #prefetch}, {@link #prefetchNames}); whatever was not fetched is looked up on first use.
 */
final class OpeningLookups {

    private final AccountabilityChains chains;
    private final CaseStore store;
    private final Map<PostDay, List<Traced>> traces = new HashMap<>();
    private final Map<String, Optional<Named>> units = new HashMap<>();
    private final Map<String, Optional<String>> names = new HashMap<>();

    OpeningLookups(AccountabilityChains chains, CaseStore store) {
        this.chains = chains;
        this.store = store;
    }

    /** The chains of these posts on these days and the posts' units. */
    void prefetch(Collection<PostDay> postDays) {
        var wanted = postDays.stream().filter(p -> !traces.containsKey(p)).collect(Collectors.toSet());
        if (!wanted.isEmpty()) {
            traces.putAll(chains.traceToPrincipal(wanted));
        }
        var posts = postDays.stream()
                .map(PostDay::postId)
                .filter(p -> !units.containsKey(p))
                .collect(Collectors.toSet());
        if (!posts.isEmpty()) {
            var found = store.unitsOfPosts(posts);
            posts.forEach(p -> units.put(p, Optional.ofNullable(found.get(p))));
        }
    }

    void prefetchNames(Collection<String> personIds) {
        var wanted = personIds.stream().filter(p -> !names.containsKey(p)).collect(Collectors.toSet());
        if (!wanted.isEmpty()) {
            var found = store.personNames(wanted);
            wanted.forEach(p -> names.put(p, Optional.ofNullable(found.get(p))));
        }
    }

    List<Traced> trace(String postId, LocalDate day) {
        return traces.computeIfAbsent(new PostDay(postId, day), k -> chains.traceToPrincipal(postId, day));
    }

    Optional<Named> unitOfPost(String postId) {
        return units.computeIfAbsent(postId, store::unitOfPost);
    }

    Optional<String> personName(String personId) {
        return names.computeIfAbsent(personId, store::personName);
    }
}
