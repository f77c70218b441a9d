package org.dutygraph.platform.i18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Text} as stored in the graph, to be rendered in the reader's language when read: {@code {"key": ...,
 * "args": [...]}}, nested texts as the same shape. A verbatim text is stored as null (store its words instead).
 */
public final class TextJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TextJson() {}

    public static String write(Text text) {
        return text == null || text.isVerbatim() ? null : JSON.writeValueAsString(tree(text));
    }

    /** The stored text, falling back to {@code words} (what was stored beside it) when there is none or its key left. */
    public static Text read(String json, String words) {
        if (json == null) {
            return words == null ? null : Text.verbatim(words);
        }
        return text(JSON.readValue(json, Map.class), words);
    }

    private static Map<String, Object> tree(Text text) {
        var args = new ArrayList<Object>();
        text.args()
                .forEach(a -> args.add(
                        a instanceof Text nested ? nested.isVerbatim() ? nested.fallback() : tree(nested) : a));
        var node = new LinkedHashMap<String, Object>();
        node.put("key", text.key());
        node.put("args", args);
        return node;
    }

    private static Text text(Map<?, ?> node, String fallback) {
        var args = new ArrayList<Object>();
        for (var a : (List<?>) node.get("args")) {
            args.add(a instanceof Map<?, ?> nested ? text(nested, null) : String.valueOf(a));
        }
        return new Text((String) node.get("key"), args, fallback);
    }
}
