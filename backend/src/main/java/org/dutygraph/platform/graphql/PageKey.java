package org.dutygraph.platform.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Key of a batch-loaded connection field: which parent, and which page. Keys asking for the same
 * page of different parents are loaded with one query.
 */
public record PageKey(String parentId, String after, int first) {

    public interface PageQuery<T> {
        Map<String, List<T>> load(Collection<String> parentIds, String after, int limit);
    }

    public static PageKey of(String parentId, Integer first, String after) {
        return new PageKey(parentId, Connection.decode(after), Connection.pageSize(first));
    }

    /** Loads all keys, one query per distinct page, fetching one extra row per parent to tell if more follow. */
    public static <T> Map<PageKey, Connection<T>> load(
            Collection<PageKey> keys, PageQuery<T> query, Function<T, String> sortKey) {
        var result = new HashMap<PageKey, Connection<T>>();
        var byPage = keys.stream().collect(Collectors.groupingBy(k -> new PageKey(null, k.after(), k.first())));
        byPage.forEach((page, group) -> {
            var rows = query.load(group.stream().map(PageKey::parentId).toList(), page.after(), page.first() + 1);
            for (var key : group) {
                result.put(
                        key,
                        Connection.of(rows.getOrDefault(key.parentId(), List.of()), key.first(), key.after(), sortKey));
            }
        });
        return result;
    }
}
