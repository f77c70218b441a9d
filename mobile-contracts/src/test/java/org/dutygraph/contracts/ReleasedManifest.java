package org.dutygraph.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.contracts.manifest.PersistedQueryManifest.Operation;
import tools.jackson.databind.json.JsonMapper;

/** Reads an {@code apollo-persisted-query-manifest} file: a released app version's operations. */
final class ReleasedManifest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Operation> read(Path file) throws IOException {
        var root = JSON.readTree(Files.readString(file));
        if (!"apollo-persisted-query-manifest".equals(root.path("format").asString(null))) {
            throw new IllegalStateException(file + " is not an apollo-persisted-query-manifest");
        }
        var operations = new ArrayList<Operation>();
        for (var o : root.path("operations")) {
            operations.add(new Operation(
                    o.path("id").asString(),
                    o.path("name").asString(),
                    o.path("type").asString(),
                    o.path("body").asString()));
        }
        return operations;
    }

    private ReleasedManifest() {}
}
