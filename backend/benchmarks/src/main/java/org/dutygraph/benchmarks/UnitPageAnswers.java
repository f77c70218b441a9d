package org.dutygraph.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings the unit page answers of both systems to one shape, so that they can be compared: dutygraph's without
 * its cursors (their format is each system's own), @neo4j/graphql's mapped back from the library's generated
 * shapes (relationship lists of at most one element, postsConnection, a list of first + 1 duties) to the
 * shipped operation's.
 */
final class UnitPageAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UnitPageAnswers() {}

    static JsonNode dutygraph(String body) {
        var unit = (ObjectNode) JSON.readTree(body).path("data").path("unit");
        for (var connection : new String[] {"posts", "duties"}) {
            ((ObjectNode) unit.path(connection).path("pageInfo")).remove("endCursor");
        }
        return unit;
    }

    static JsonNode neo4jGraphQl(String body, int first) {
        var unit = (ObjectNode) JSON.readTree(body).path("data").path("unit");
        unit.set("area", single(unit.path("area")));
        unit.set("parent", single(unit.path("parent")));
        if (unit.path("otherNames").isNull()) {
            unit.set("otherNames", JsonNodeFactory.instance.arrayNode());
        }
        var posts = (ObjectNode) unit.remove("postsConnection");
        posts.path("edges").forEach(edge -> {
            var post = (ObjectNode) edge.path("node");
            post.set("backup", single(post.path("backup")));
        });
        ((ObjectNode) posts.path("pageInfo")).remove("endCursor");
        unit.set("posts", posts);
        var duties = unit.path("duties");
        var edges = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < Math.min(first, duties.size()); i++) {
            var duty = (ObjectNode) duties.get(i);
            duty.set("holder", single(duty.path("holder")));
            duty.set("action", single(duty.path("action")));
            edges.add(JsonNodeFactory.instance.objectNode().set("node", duty));
        }
        var connection = JsonNodeFactory.instance.objectNode();
        connection.set("edges", edges);
        connection.set("pageInfo", JsonNodeFactory.instance.objectNode().put("hasNextPage", duties.size() > first));
        unit.set("duties", connection);
        return unit;
    }

    private static JsonNode single(JsonNode list) {
        return list instanceof ArrayNode array && !array.isEmpty() ? array.get(0) : JsonNodeFactory.instance.nullNode();
    }

    static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
