package org.dutygraph.platform.graphql;

import java.util.List;
import java.util.function.Function;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * A Relay connection page. Pages are keyset pages: the cursor seals the sort key of the last
 * node, so deep pages cost as little as the first and concurrent inserts never shift a page.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    public static final int MAX_PAGE = 500;
    /** The page size when a client gives none; every {@code first} argument in the schema defaults to it too. */
    public static final int DEFAULT_PAGE = 50;
    /**
     * What {@link CursorBindingVisitor} hands a resolver as {@code after} when the client's cursor is not one of that
     * list's: refused here, where the resolver reads its page, so after the resolver's own access checks (a caller who
     * may not read the list learns nothing about the cursor they sent).
     */
    static final String REFUSED = "\u0000refused";
    /** Cursors encode one sort key (an id, a key of a few ids): far shorter than this. */
    private static final int MAX_CURSOR = 1_000;

    /**
     * Builds a page from up to {@code first + 1} rows fetched after the cursor whose key is {@code afterKey} (null from
     * the start): the extra row only signals more. A page of {@code first: 0} after a cursor reads nothing and ends
     * where it began: its start and end cursors are that cursor, so following it goes on from there (null would start
     * again from the first item).
     */
    public static <T> Connection<T> of(List<T> rows, int first, String afterKey, Function<T, String> sortKey) {
        var page = rows.size() > first ? rows.subList(0, first) : rows;
        var edges = page.stream()
                .map(node -> new Edge<>(encode(sortKey.apply(node)), node))
                .toList();
        var here = first == 0 && afterKey != null ? encode(afterKey) : null;
        return new Connection<>(
                edges,
                new PageInfo(
                        rows.size() > first,
                        afterKey != null,
                        edges.isEmpty() ? here : edges.get(0).cursor(),
                        edges.isEmpty() ? here : edges.get(edges.size() - 1).cursor()));
    }

    /** Fetches one page after the cursor of a keyset-paged list: {@code fetch} gets the decoded key and a row limit. */
    public static <T> Connection<T> page(
            Integer first,
            String after,
            java.util.function.BiFunction<String, Integer, List<T>> fetch,
            Function<T, String> sortKey) {
        int size = pageSize(first);
        var cursor = decode(after);
        return of(fetch.apply(cursor, size + 1), size, cursor, sortKey);
    }

    /** An opaque cursor for a sort key (see {@link CursorSeal}): clients cannot read or forge it. */
    public static String encode(String key) {
        return CursorSeal.seal(key);
    }

    /** The sort key in a cursor; a cursor that is not ours is bad input on the named argument. */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (cursor.length() > MAX_CURSOR || REFUSED.equals(cursor)) {
            throw notOurs();
        }
        var key = CursorSeal.open(cursor);
        if (key == null) {
            throw notOurs();
        }
        return key;
    }

    static BadInputException notOurs() {
        return new BadInputException("after", "INVALID_CURSOR", Text.of(PlatformTexts.NOT_OUR_CURSOR, "after"));
    }

    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE;
        }
        if (first < 0 || first > MAX_PAGE) {
            throw new BadInputException("first", "OUT_OF_RANGE", Text.of(PlatformTexts.PAGE_SIZE, "first", MAX_PAGE));
        }
        return first;
    }
}
