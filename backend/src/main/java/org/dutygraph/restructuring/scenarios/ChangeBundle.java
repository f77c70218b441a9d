package org.dutygraph.restructuring.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.org.bundle.BundleDocument;

/**
 * What a scenario changes, as an org-bundle/1 document: the units, posts, duties and supervision lines that differ
 * from today's graph (new, changed, dissolved or abolished with their end date). Imported into today's graph it
 * gives the scenario's organisation except for the supervision lines it ends, which an update cannot remove; the
 * target bundle ({@link BundleDocument} of the whole state) is what applying imports. Kept for clients that read it.
 */
final class ChangeBundle {

    private ChangeBundle() {}

    static Map<String, Object> of(Bundle today, Bundle target, String title) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", Bundle.FORMAT);
        doc.put("source", Map.of("title", title));
        doc.put(
                "organizations",
                changed(today.organizations(), target.organizations(), Bundle.Organization::id).stream()
                        .map(BundleDocument::organization)
                        .toList());
        doc.put(
                "posts",
                changed(today.posts(), target.posts(), Bundle.Post::id).stream()
                        .map(BundleDocument::post)
                        .toList());
        doc.put(
                "supervision",
                target.supervision().stream()
                        .filter(s -> !today.supervision().contains(s))
                        .map(BundleDocument::supervision)
                        .toList());
        doc.put(
                "duties",
                changed(today.duties(), target.duties(), Bundle.Duty::id).stream()
                        .map(BundleDocument::duty)
                        .toList());
        return doc;
    }

    static int entries(Map<String, Object> doc) {
        return List.of("organizations", "posts", "supervision", "duties").stream()
                .mapToInt(k -> ((List<?>) doc.get(k)).size())
                .sum();
    }

    private static <T> List<T> changed(List<T> before, List<T> after, Function<T, String> id) {
        var old = new HashMap<String, T>();
        before.forEach(e -> old.put(id.apply(e), e));
        var result = new ArrayList<T>();
        after.forEach(e -> {
            if (!Objects.equals(old.get(id.apply(e)), e)) result.add(e);
        });
        return result;
    }
}
