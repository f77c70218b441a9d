package org.dutygraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/**
 * docs/modules is generated from the code: Spring Modulith's Documenter writes the component diagram of all
 * modules, one diagram and one canvas per module (PlantUML, AsciiDoc) to target/spring-modulith-docs, and this
 * test fails when the committed copy differs. Run with {@code -Dmodules.docs=write} it refreshes docs/modules:
 * the same files, each diagram rendered as SVG (GitHub shows SVG, not PlantUML), and an index, README.md.
 */
class ModuleDocumentationTest {

    static final String REFRESH = "./mvnw -pl backend -am test -Dtest=ModuleDocumentationTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dmodules.docs=write";

    private static final Path GENERATED = Path.of("target", "spring-modulith-docs");
    /** Surefire runs the tests in backend/. */
    private static final Path COMMITTED = Path.of("..", "docs", "modules");

    @Test
    void docsModulesShowsTheModulesAsTheyAre() throws IOException {
        new Documenter(ModularityTest.MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        var expected = filesIn(GENERATED);
        expected.put("README.md", index(ModularityTest.MODULES));

        if ("write".equals(System.getProperty("modules.docs"))) {
            write(expected);
        }

        var committed = filesIn(COMMITTED);
        var stale = Stream.concat(expected.keySet().stream(), committed.keySet().stream())
                .filter(name -> !Objects.equals(expected.get(name), committed.get(name)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(stale)
                .as("docs/modules differs from the code; refresh it with%n  %s%n", REFRESH)
                .isEmpty();
    }

    /** The PlantUML, AsciiDoc and Markdown files of a folder by name; the SVGs are rendered from the PlantUML. */
    private static Map<String, String> filesIn(Path folder) throws IOException {
        var files = new TreeMap<String, String>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (var paths = Files.list(folder)) {
            for (var path : paths.filter(p -> p.toString().matches(".*\\.(puml|adoc|md)"))
                    .toList()) {
                var name = path.getFileName().toString();
                var text = Files.readString(path);
                files.put(name, name.endsWith(".puml") ? inStableOrder(text) : text);
            }
        }
        return files;
    }

    /**
     * The Documenter writes components and relations in an order that changes from run to run; sorting each run of
     * consecutive {@code Component(...)} or {@code Rel(...)} lines makes the same graph the same text.
     */
    static String inStableOrder(String plantUml) {
        var lines = new ArrayList<>(List.of(plantUml.split("\n", -1)));
        int start = 0;
        while (start < lines.size()) {
            var kind = statementKind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(statementKind(lines.get(end)))) {
                end++;
            }
            Collections.sort(lines.subList(start, end));
            start = end;
        }
        return String.join("\n", lines);
    }

    private static String statementKind(String line) {
        var trimmed = line.strip();
        return trimmed.startsWith("Component(") ? "Component" : trimmed.startsWith("Rel(") ? "Rel" : null;
    }

    private static void write(Map<String, String> files) throws IOException {
        Files.createDirectories(COMMITTED);
        try (var old = Files.list(COMMITTED)) {
            for (var path : old.filter(p -> p.toString().matches(".*\\.(puml|adoc|md|svg)"))
                    .toList()) {
                Files.delete(path);
            }
        }
        for (var file : files.entrySet()) {
            Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
            if (file.getKey().endsWith(".puml")) {
                Files.writeString(COMMITTED.resolve(file.getKey().replace(".puml", ".svg")), svg(file.getValue()));
            }
        }
    }

    /** Laid out by PlantUML's own engine (Smetana), so no Graphviz needs to be installed. */
    private static String svg(String plantUml) throws IOException {
        var source = plantUml.replaceFirst("@startuml\n", "@startuml\n!pragma layout smetana\n");
        var out = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String index(ApplicationModules modules) {
        var text = new StringBuilder("""
                # Modules

                Generated from the code by `ModuleDocumentationTest` (Spring Modulith's Documenter): do not edit.
                Each top-level package under `org.dutygraph` is a module; what it may use is declared in its
                `package-info.java`, and `ModularityTest` fails on a dependency not declared, on a cycle, and on a
                module reaching into another's internals (its sub-packages, unless declared a named interface). After
                changing a module or its beans, refresh this folder (the test fails until then):

                    %s

                ![The modules and their dependencies](components.svg)

                | module | base package | named interfaces | may use | |
                |---|---|---|---|---|
                """.formatted(REFRESH));
        for (var module : modules) {
            text.append("| %s | `%s` | %s | %s | [diagram](module-%s.svg), [canvas](module-%s.adoc) |%n"
                    .formatted(
                            module.getDisplayName(),
                            module.getBasePackage().getName(),
                            namedInterfaces(module),
                            module.getAllowedDependencies(modules).toString().replace(" :: ", "::"),
                            module.getIdentifier(),
                            module.getIdentifier()));
        }
        return text.toString();
    }

    private static String namedInterfaces(ApplicationModule module) {
        var names = module.getNamedInterfaces().stream()
                .filter(NamedInterface::isNamed)
                .map(NamedInterface::getName)
                .sorted()
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }
}
