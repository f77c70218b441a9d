package org.dutygraph.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.supervision.signals.PowerItemTerms;
import org.dutygraph.supervision.signals.SupervisedOrg;

/** The duty graph as a validated bundle describes it, for supervising from files. */
final class BundleOrg implements SupervisedOrg {

    private final Map<String, PowerItemTerms> items = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, Bundle.Post> posts = new HashMap<>();
    private final Map<String, List<String>> postsExercising = new HashMap<>();

    BundleOrg(Bundle bundle) {
        for (var item : bundle.powerItems()) {
            items.put(
                    item.id(),
                    new PowerItemTerms(
                            item.id(),
                            item.statutoryDays(),
                            item.committedDays(),
                            item.fees().stream().map(Bundle.Fee::item).collect(Collectors.toUnmodifiableSet())));
        }
        for (var org : bundle.organizations()) {
            parents.put(org.id(), org.parentId());
        }
        for (var post : bundle.posts()) {
            posts.put(post.id(), post);
        }
        for (var duty : bundle.duties()) {
            if ("withdrawn".equals(duty.status()) || !posts.containsKey(duty.holderId())) continue;
            for (var item : duty.powerItemIds()) {
                postsExercising.computeIfAbsent(item, k -> new ArrayList<>()).add(duty.holderId());
            }
        }
    }

    @Override
    public PowerItemTerms powerItem(String id) {
        return items.get(id);
    }

    @Override
    public boolean unitExists(String id) {
        return parents.containsKey(id);
    }

    @Override
    public boolean postExists(String id) {
        return posts.containsKey(id);
    }

    @Override
    public String responsiblePost(String unitId, String powerItemId) {
        return postsExercising.getOrDefault(powerItemId, List.of()).stream()
                .filter(post ->
                        active(posts.get(post)) && within(posts.get(post).organizationId(), unitId))
                .min(Comparator.naturalOrder())
                .orElseGet(() -> head(unitId));
    }

    private boolean within(String org, String unitId) {
        for (int depth = 0; org != null && depth < 1_000; depth++, org = parents.get(org)) {
            if (org.equals(unitId)) return true;
        }
        return false;
    }

    /** The unit's principal, else its head; the lowest id among equals. */
    private String head(String unitId) {
        return posts.values().stream()
                .filter(p -> unitId.equals(p.organizationId()) && active(p) && HEAD_ROLES.contains(p.role()))
                .min(Comparator.comparing((Bundle.Post p) -> "principal".equals(p.role()) ? 0 : 1)
                        .thenComparing(Bundle.Post::id))
                .map(Bundle.Post::id)
                .orElse(null);
    }

    private static final Set<String> HEAD_ROLES = Set.of("principal", "head");

    private static boolean active(Bundle.Post post) {
        return !"dissolved".equals(post.status());
    }
}
