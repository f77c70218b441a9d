package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code dutygraph.*} setting is described in the configuration metadata the build writes (Spring Boot's
 * configuration processor, plus META-INF/additional-spring-configuration-metadata.json for the few read without a
 * properties class), so IDEs and operators see its type, default and meaning; docs/settings.md is that metadata as
 * a table, and the README, docs and infra files name no setting that does not exist. Run with
 * {@code -Dsettings.docs=write} to refresh docs/settings.md.
 */
class SettingsMetadataTest {

    static final String REFRESH = "./mvnw -pl backend -am test -Dtest=SettingsMetadataTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsettings.docs=write";

    /** Surefire runs the tests in backend/. */
    private static final Path ROOT = Path.of("..");

    private static final Path TABLE = ROOT.resolve("docs").resolve("settings.md");

    /** Names in the docs that look like settings and are not: file names and an example host. */
    private static final Set<String> NOT_SETTINGS =
            Set.of("dutygraph.conf", "dutygraph.crt", "dutygraph.json", "dutygraph.key", "dutygraph.example.gov");

    private static final Pattern MENTION = Pattern.compile("dutygraph\\.[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    @Test
    void everySettingHasATypeAndADescription() throws IOException {
        var undescribed = settings().values().stream()
                .filter(p -> p.path("description").asString("").isBlank()
                        || p.path("type").asString("").isBlank())
                .map(p -> p.path("name").asString())
                .toList();
        assertThat(undescribed).as("settings without type or description").isEmpty();
    }

    @Test
    void docsSettingsIsTheMetadataAsATable() throws IOException {
        var expected = table(settings());
        if ("write".equals(System.getProperty("settings.docs"))) {
            Files.writeString(TABLE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "")
                .as("docs/settings.md is stale; refresh it with: " + REFRESH)
                .isEqualTo(expected);
    }

    @Test
    void applicationYmlSetsOnlyKnownSettings() throws IOException {
        var known = settings();
        var unknown = new TreeSet<String>();
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            for (Object document : new Yaml().loadAll(yml)) {
                if (document instanceof Map<?, ?> map && map.get("dutygraph") instanceof Map<?, ?> dutygraph) {
                    keys("dutygraph", dutygraph).stream()
                            .filter(key -> !isSettingOrUnder(key, known))
                            .forEach(unknown::add);
                }
            }
        }
        assertThat(unknown)
                .as("keys under dutygraph in application.yml that are no setting")
                .isEmpty();
    }

    @Test
    void docsNameOnlySettingsThatExist() throws IOException {
        var known = settings();
        var groups = groups();
        var unknown = new TreeSet<String>();
        for (var file : documents()) {
            var matcher = MENTION.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (matcher.find()) {
                var name = matcher.group();
                if (!NOT_SETTINGS.contains(name)
                        && !groups.contains(name)
                        && !isSettingOrUnder(name, known)
                        && known.keySet().stream().noneMatch(setting -> setting.startsWith(name + "."))) {
                    unknown.add(ROOT.relativize(file) + ": " + name);
                }
            }
        }
        assertThat(unknown).as("settings named in the docs that do not exist").isEmpty();
    }

    private static boolean isSettingOrUnder(String key, Map<String, JsonNode> known) {
        if (known.containsKey(key)) {
            return true;
        }
        // a key inside a list or map setting, e.g. dutygraph.security.seed-accounts.username
        return known.entrySet().stream().anyMatch(e -> key.startsWith(e.getKey() + ".") && isStructured(e.getValue()));
    }

    private static boolean isStructured(JsonNode property) {
        var type = property.path("type").asString("");
        return type.startsWith("java.util.List")
                || type.startsWith("java.util.Map")
                || type.startsWith("java.util.Set");
    }

    private static List<String> keys(String prefix, Map<?, ?> map) {
        var keys = new ArrayList<String>();
        map.forEach((key, value) -> {
            var name = prefix + "." + key;
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                keys.addAll(keys(name, nested));
            } else {
                keys.add(name);
            }
        });
        return keys;
    }

    private static List<Path> documents() throws IOException {
        var files = new ArrayList<Path>();
        files.add(ROOT.resolve("README.md"));
        for (var folder : List.of(ROOT.resolve("docs"), ROOT.resolve("infra"))) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> !f.startsWith(ROOT.resolve("docs").resolve("modules")))
                        .filter(f -> !f.equals(TABLE))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static String table(Map<String, JsonNode> settings) {
        var out = new StringBuilder("""
                # Settings

                Every `dutygraph.*` setting, from the configuration metadata the build writes (generated by
                `SettingsMetadataTest`; do not edit by hand). Set them in `application.yml`, as `--name=value`
                arguments, or as environment variables (`DUTYGRAPH_RATE_LIMITS_FIELDS_PER_MINUTE=120`). Spring Boot's
                own settings (`spring.*`, `management.*`, `server.*`) are in its reference documentation.

                | Setting | Type | Default | Meaning |
                |---|---|---|---|
                """);
        settings.values()
                .forEach(p -> out.append("| `")
                        .append(p.path("name").asString())
                        .append("` | ")
                        .append(cell(shortType(p.path("type").asString(""))))
                        .append(" | ")
                        .append(p.has("defaultValue") ? "`" + cell(defaultValue(p.path("defaultValue"))) + "`" : "")
                        .append(" | ")
                        .append(cell(p.path("description").asString("")))
                        .append(" |\n"));
        return out.toString();
    }

    private static String defaultValue(JsonNode value) {
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            value.forEach(v -> parts.add(v.asString()));
            return String.join(", ", parts);
        }
        return value.asString();
    }

    private static String shortType(String type) {
        return type.replaceAll("[a-z][a-zA-Z0-9_]*\\.", "").replace('$', '.');
    }

    private static String cell(String text) {
        return text.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`")
                .replace("|", "\\|")
                .replaceAll("\\s*\\n\\s*", " ")
                .strip();
    }

    private static Map<String, JsonNode> settings() throws IOException {
        var settings = new TreeMap<String, JsonNode>();
        for (var node : metadata().path("properties")) {
            var name = node.path("name").asString();
            if (name.startsWith("dutygraph.")) {
                settings.put(name, node);
            }
        }
        return settings;
    }

    private static Set<String> groups() throws IOException {
        var groups = new TreeSet<String>();
        metadata().path("groups").forEach(g -> groups.add(g.path("name").asString()));
        return groups;
    }

    private static JsonNode metadata() throws IOException {
        try (var in = SettingsMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
