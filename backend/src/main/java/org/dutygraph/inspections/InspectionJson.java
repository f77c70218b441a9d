package org.dutygraph.inspections;

import java.util.List;
import org.dutygraph.inspections.Checklists.Item;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Checklists, answers, draw exclusions and evidence metadata are stored as JSON text. */
final class InspectionJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private InspectionJson() {}

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    static List<Item> items(String json) {
        return JSON.readValue(json, new TypeReference<List<Item>>() {});
    }
}
