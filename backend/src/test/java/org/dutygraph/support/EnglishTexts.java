package org.dutygraph.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds what reads as a bare English sentence in a response: a string with no Chinese character and at least two
 * words of three or more Latin letters. Fields that hold codes, ids, times, hashes, links or technical notation are
 * not read; their names are listed here.
 */
public final class EnglishTexts {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
    /** Fields whose values are machine-readable: codes, ids, cursors, tokens, times, hashes, links, paths. */
    private static final Set<String> MACHINE = Set.of(
            "id",
            "ids",
            "cursor",
            "startCursor",
            "endCursor",
            "code",
            "kind",
            "status",
            "token",
            "tokenSuffix",
            "url",
            "photoUrls",
            "version",
            "receipt",
            "pushTag",
            "sha256",
            "mimeType",
            "platform",
            "channel",
            "locale",
            "field",
            "path",
            "number",
            "category",
            "subjectType",
            "subjectKind",
            "method",
            "seed",
            "algorithm",
            "role",
            "roles",
            "action",
            "conclusion",
            "author",
            "grade",
            "flags",
            "outcome",
            "period",
            "username",
            "inspectors",
            "candidateInspectors",
            "recordedBy",
            "reviewedBy",
            "createdBy",
            "drawnBy",
            "by",
            "managers",
            "normCode",
            "classification",
            "metadata",
            "schemeId",
            "measure",
            "recipient",
            // technical notation for analysts: the graph paths that make a finding true, a job's phase token
            "evidence",
            "phase");

    private EnglishTexts() {}

    /** "path: value" of every English sentence in {@code body}. */
    public static List<String> in(JsonNode body) {
        var found = new ArrayList<String>();
        walk(body, "$", null, found);
        return found;
    }

    public static boolean english(String value) {
        if (CHINESE.matcher(value).find() || !value.contains(" ")) {
            return false;
        }
        var words = WORD.matcher(value);
        int count = 0;
        while (words.find()) {
            count++;
        }
        return count >= 2;
    }

    private static void walk(JsonNode node, String path, String field, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", field, found);
            }
        } else if (node.isString() && !machine(field) && english(node.asString())) {
            found.add(path + ": " + node.asString());
        }
    }

    private static boolean machine(String field) {
        return field != null
                && (MACHINE.contains(field)
                        || field.endsWith("Id")
                        || field.endsWith("Ids")
                        || field.endsWith("At")
                        || field.endsWith("On")
                        || field.endsWith("By")
                        || field.endsWith("From"));
    }
}
