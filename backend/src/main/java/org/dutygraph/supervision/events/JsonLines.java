package org.dutygraph.supervision.events;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One line of a JSON-lines batch read as one JSON object; a field given twice is refused, never last-one-wins. */
final class JsonLines {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonMapper LENIENT = JsonMapper.builder().build();

    /** The object of a line, or why the line is not one. */
    record Read(JsonNode object, String code, LineTexts message) {}

    private JsonLines() {}

    static Read object(String text) {
        try {
            var node = STRICT.readTree(text);
            return node != null && node.isObject()
                    ? new Read(node, null, null)
                    : new Read(null, "MALFORMED_JSON", LineTexts.NOT_ONE_OBJECT);
        } catch (JacksonException e) {
            return parsesWithoutDuplicateCheck(text)
                    ? new Read(null, "DUPLICATE_FIELD", LineTexts.FIELD_TWICE)
                    : new Read(null, "MALFORMED_JSON", LineTexts.NOT_ONE_OBJECT);
        }
    }

    private static boolean parsesWithoutDuplicateCheck(String text) {
        try {
            return LENIENT.readTree(text) != null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
