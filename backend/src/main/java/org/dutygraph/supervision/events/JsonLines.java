package org.dutygraph.supervision.events;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dutygraph.platform.i18n.UnicodeText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One line of a JSON-lines batch read as one JSON object; a field given twice is refused, never last-one-wins. */
public final class JsonLines {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonMapper LENIENT = JsonMapper.builder().build();

    /** The most digits in a row a number keeps (Jackson refuses longer ones as not JSON). */
    private static final int MAX_DIGITS = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

    /**
     * What a byte that is not UTF-8 becomes when lines are read with {@link #utf8}: a lone low surrogate, which no
     * well-formed UTF-8 decodes to, so that such a line is refused (with its number) and the others are still read.
     */
    static final char NOT_UTF8 = '\uDFFF';

    /**
     * The object of a line, or why the line is not one. {@code duplicates}: the fields given twice (dotted paths such
     * as {@code fee.item}), whose values are not read; the object holds the line's other fields.
     */
    record Read(JsonNode object, String code, LineTexts message, List<String> duplicates) {
        Read(JsonNode object, String code, LineTexts message) {
            this(object, code, message, List.of());
        }
    }

    private JsonLines() {}

    /**
     * Lines of JSON as UTF-8 text, a malformed byte sequence kept as a mark the parsers refuse
     * ({@code MALFORMED_JSON}): the reader never fails on one, nor replaces it silently.
     */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(String.valueOf(NOT_UTF8)));
    }

    /** The line's object with the fields given twice named ({@link Read#duplicates}), the other fields read. */
    static Read withDuplicates(String text) {
        // half a character in the raw line: a byte sequence that was not UTF-8 (see utf8)
        if (UnicodeText.holdsHalfACharacter(text)) return new Read(null, "MALFORMED_JSON", LineTexts.NOT_UTF8);
        text = withLongNumbersCut(text);
        try {
            var node = STRICT.readTree(text);
            return node != null && node.isObject()
                    ? new Read(node, null, null)
                    : new Read(null, "MALFORMED_JSON", LineTexts.NOT_ONE_OBJECT);
        } catch (JacksonException e) {
            JsonNode node;
            try {
                node = LENIENT.readTree(text);
            } catch (JacksonException notJson) {
                node = null;
            }
            if (node == null || !node.isObject()) return new Read(null, "MALFORMED_JSON", LineTexts.NOT_ONE_OBJECT);
            var duplicates = duplicates(text);
            if (duplicates.isEmpty()) return new Read(null, "MALFORMED_JSON", LineTexts.NOT_ONE_OBJECT);
            return new Read(node, null, null, duplicates);
        }
    }

    /**
     * The text with each run of more than {@link #MAX_DIGITS} digits outside strings cut to {@code MAX_DIGITS} nines:
     * still out of any range, so OUT_OF_RANGE at its field (not a line that is not JSON), and never parsed whole (a
     * 16,000-digit number took milliseconds to read, and a batch may hold 20,000 lines).
     */
    static String withLongNumbersCut(String text) {
        StringBuilder cut = null;
        boolean inString = false;
        int copied = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c >= '0' && c <= '9') {
                int end = i;
                while (end < n && text.charAt(end) >= '0' && text.charAt(end) <= '9') end++;
                if (end - i > MAX_DIGITS) {
                    if (cut == null) cut = new StringBuilder(text.length());
                    cut.append(text, copied, i).append("9".repeat(MAX_DIGITS));
                    copied = end;
                }
                i = end - 1;
            }
        }
        return cut == null ? text : cut.append(text, copied, text.length()).toString();
    }

    /** The dotted paths of the fields given twice in one object of the text (which parses as JSON). */
    private static List<String> duplicates(String text) {
        var found = new ArrayList<String>();
        var path = new ArrayList<String>();
        var seen = new ArrayList<Set<String>>();
        try (var parser = LENIENT.createParser(text)) {
            String name = null;
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                switch (token) {
                    case START_OBJECT -> {
                        path.add(name);
                        seen.add(new HashSet<>());
                        name = null;
                    }
                    case END_OBJECT -> {
                        path.remove(path.size() - 1);
                        seen.remove(seen.size() - 1);
                        name = null;
                    }
                    case START_ARRAY -> {
                        path.add(name);
                        seen.add(null);
                        name = null;
                    }
                    case END_ARRAY -> {
                        path.remove(path.size() - 1);
                        seen.remove(seen.size() - 1);
                        name = null;
                    }
                    case PROPERTY_NAME -> {
                        name = parser.currentName();
                        var names = seen.get(seen.size() - 1);
                        if (names != null && !names.add(name)) {
                            var dotted = new StringBuilder();
                            for (int i = 1; i < path.size(); i++) {
                                if (path.get(i) != null)
                                    dotted.append(path.get(i)).append('.');
                            }
                            var field = dotted.append(name).toString();
                            if (!found.contains(field)) found.add(field);
                        }
                    }
                    default -> name = null;
                }
            }
        } catch (JacksonException e) {
            return found;
        }
        return found;
    }
}
