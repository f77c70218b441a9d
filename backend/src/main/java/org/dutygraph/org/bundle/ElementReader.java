package org.dutygraph.org.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.UnicodeText;
import tools.jackson.databind.JsonNode;

/** Reads typed fields of one JSON object of a bundle, reporting type problems with their path. */
final class ElementReader {

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, String> interned;

    ElementReader(JsonNode node, String path, Problems problems, Map<String, String> interned) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.interned = interned;
    }

    static Map<String, String> newInterner() {
        return new HashMap<>();
    }

    String path() {
        return path;
    }

    String text(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return whole(value.stringValue(), path + "." + field, field);
        }
        if (value.isNumber() || value.isBoolean()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.MUST_BE_STRING_NOT, field, value));
            return null;
        }
        problems.add(path + "." + field, "WRONG_TYPE", Text.of(PlatformTexts.MUST_BE_STRING, field));
        return null;
    }

    /** A text that repeats across many elements (a reference, an enum): shared to save memory. */
    String ref(String field) {
        var value = text(field);
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    /** A scalar kept as text whatever its JSON type (e.g. a fee: 0, "按件收取", null). */
    String scalarText(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.STRING_OR_NUMBER, field));
            return null;
        }
        return value.isString() ? whole(value.stringValue(), path + "." + field, field) : value.asString();
    }

    /**
     * The text as it came, with a problem recorded at its path when it holds half a character (a JSON escape of a
     * lone surrogate): stored, it would become '?', and an id or a reference another element's.
     */
    private String whole(String text, String at, String field) {
        if (UnicodeText.holdsHalfACharacter(text)) {
            problems.add(at, "INVALID_VALUE", Text.of(OrgTexts.TEXT_NOT_UNICODE, field));
        }
        return text;
    }

    Integer integer(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.WHOLE_NUMBER, field));
        return null;
    }

    List<String> refList(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.ARRAY_OF_IDS, field));
            return List.of();
        }
        var list = new ArrayList<String>(value.size());
        for (int i = 0; i < value.size(); i++) {
            var item = value.get(i);
            if (item.isString()) {
                var id = whole(item.stringValue(), path + "." + field + "[" + i + "]", field);
                list.add(interned.computeIfAbsent(id, v -> v));
            } else {
                problems.add(path + "." + field + "[" + i + "]", "WRONG_TYPE", Text.of(OrgTexts.IDS_STRINGS, field));
            }
        }
        return List.copyOf(list);
    }

    /**
     * An array of strings (e.g. a concept's alt_labels); other items are type problems and stay as nulls, so that
     * later problems keep the item's index in their path.
     */
    List<String> texts(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.ARRAY_OF_STRINGS, field));
            return List.of();
        }
        var list = new ArrayList<String>(value.size());
        for (int i = 0; i < value.size(); i++) {
            var item = value.get(i);
            if (item.isString()) {
                list.add(whole(item.stringValue(), path + "." + field + "[" + i + "]", field));
            } else {
                problems.add(path + "." + field + "[" + i + "]", "WRONG_TYPE", Text.of(OrgTexts.EACH_STRING, field));
                list.add(null);
            }
        }
        return java.util.Collections.unmodifiableList(list);
    }

    /** Popolo other_names: an array of {"name": ...} objects (plain strings accepted too). */
    List<String> names(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.MUST_BE_ARRAY, field));
            return List.of();
        }
        var list = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            var item = value.get(i);
            var name = item.isString() ? item : item.get("name");
            if (name != null && name.isString()) {
                list.add(whole(name.stringValue(), path + "." + field + "[" + i + "]", field));
            } else {
                problems.add(
                        path + "." + field + "[" + i + "]", "WRONG_TYPE", Text.of(OrgTexts.EACH_NEEDS_NAME, field));
            }
        }
        return List.copyOf(list);
    }

    /** An array of objects; items that are not objects are type problems and stay as nulls. */
    List<ElementReader> objects(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(OrgTexts.ARRAY_OF_OBJECTS, field));
            return List.of();
        }
        var list = new ArrayList<ElementReader>(value.size());
        for (int i = 0; i < value.size(); i++) {
            var item = value.get(i);
            var itemPath = path + "." + field + "[" + i + "]";
            if (item.isObject()) {
                list.add(new ElementReader(item, itemPath, problems, interned));
            } else {
                problems.add(itemPath, "WRONG_TYPE", Text.of(OrgTexts.EACH_OBJECT, field));
                list.add(null);
            }
        }
        return list;
    }

    ElementReader object(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(path + "." + field, "WRONG_TYPE", Text.of(PlatformTexts.MUST_BE_OBJECT, field));
            return null;
        }
        return new ElementReader(value, path + "." + field, problems, interned);
    }
}
