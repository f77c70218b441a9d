package org.dutygraph.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/** Reads what an operator deploys from infra/: the compose file and the image's Dockerfile. */
final class InfraFiles {

    /** The tests run in backend/ (Maven's basedir). */
    static final Path INFRA = Path.of("..", "infra").toAbsolutePath().normalize();

    private InfraFiles() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() {
        try (var in = Files.newInputStream(INFRA.resolve("compose.yaml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    static List<String> dockerfile() {
        try {
            return Files.readAllLines(INFRA.resolve("Dockerfile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of the one instruction (RUN, ENTRYPOINT, ...) whose line contains {@code marker}. */
    static List<String> instruction(String keyword, String marker) {
        var line = dockerfile().stream()
                .filter(l -> l.startsWith(keyword + " ") && l.contains(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + keyword + " with " + marker + " in infra/Dockerfile"));
        var rest = line.substring(keyword.length()).trim();
        if (rest.startsWith("[")) {
            return Arrays.asList(JsonMapper.builder().build().readValue(rest, String[].class));
        }
        return new ArrayList<>(Arrays.asList(rest.split("\\s+")));
    }

    /** The extracted layer directories the image copies into its working directory, in order. */
    static List<String> copiedLayers() {
        return dockerfile().stream()
                .filter(l -> l.startsWith("COPY --from=layers "))
                .map(l -> l.split("\\s+")[2])
                .toList();
    }
}
