package org.dutygraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service jar as packaged ships the service and its commands, not the tools that measure or imitate it:
 * benchmarks, the load generator and CPU bookkeeping live in backend/benchmarks, the fake FCM in the test sources.
 */
class ProductionJarIT {

    private static final Pattern TOOL_CLASS = Pattern.compile(
            "BOOT-INF/classes/.*/[^/]*(Benchmark|Fake|OpenLoopLoad|CpuReading|LoadGenerator)[^/]*\\.class");

    @Test
    void theServiceJarHoldsNoBenchmarkFakeOrLoadGenerator() throws IOException {
        var path = Path.of(System.getProperty("production.jar"));
        assertThat(path).as("packaged before the integration tests run").exists();
        try (var jar = new JarFile(path.toFile())) {
            var entries = jar.stream().map(JarEntry::getName).toList();
            assertThat(entries)
                    .as("the jar listed is the service's")
                    .contains(
                            "BOOT-INF/classes/org/dutygraph/DutygraphApplication.class",
                            "BOOT-INF/classes/application.yml");
            assertThat(entries)
                    .filteredOn(entry -> TOOL_CLASS.matcher(entry).matches())
                    .as("tool classes")
                    .isEmpty();
        }
        System.out.printf("%s: %d MiB%n", path.getFileName(), Files.size(path) >> 20);
    }

    /**
     * Apache HttpClient 5 stays in the jar as the Firebase Admin SDK's default transport (FirebaseOptions fails
     * without it), not for the service's own code: only the benchmarks' load generator uses it.
     */
    @Test
    void theServiceItselfDoesNotUseTheLoadGeneratorsHttpClient() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.hc..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.dutygraph"));
    }
}
