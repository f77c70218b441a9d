package org.dutygraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule.AllowedDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module graph as Spring Modulith reads it: each package under {@code org.dutygraph} is a module, its
 * sub-packages are internal unless declared a named interface, and its package-info.java says which modules (and
 * named interfaces) it may use. One test verifies all of it; the others show it catches what it should, on the
 * deliberate breaches in {@code org.dutygraph.archfixtures}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(DutygraphApplication.class);

    /**
     * Known breaches, each to be fixed rather than declared; then this list is empty and the test is
     * {@code MODULES.verify()}. It may only shrink: an entry that no longer matches fails the test.
     */
    private static final List<Predicate<String>> KNOWN_BREACHES = List.of(
            // rating rounds key their voter marker with complaints.receipts.Receipts (the pepper's HMAC): the keyed
            // hash belongs below both features (platform), not inside complaints
            message ->
                    message.contains("org.dutygraph.appraisal.rounds.VoterTags -> org.dutygraph.complaints.receipts."));

    @Test
    void theModulesUseOnlyWhatTheyDeclareAndFormNoCycle() {
        var violations = MODULES.detectViolations();
        var messages = violations.getMessages();

        assertThat(KNOWN_BREACHES.stream()
                        .filter(known -> messages.stream().noneMatch(known))
                        .count())
                .as("known breaches that no longer occur: remove them from KNOWN_BREACHES")
                .isZero();
        violations
                .filter(violation -> KNOWN_BREACHES.stream().noneMatch(known -> known.test(violation.getMessage())))
                .throwIfPresent();
    }

    /** Keeps the declarations one true table: a dependency declared but no longer used must be struck out. */
    @Test
    void everyDeclaredDependencyIsInUse() {
        var unused = new ArrayList<String>();
        for (var module : MODULES) {
            var used = module.getDirectDependencies(MODULES);
            for (var allowed : module.getAllowedDependencies(MODULES)) {
                if (used.stream().noneMatch(dependency -> isWithin(allowed, dependency.getTargetType()))) {
                    unused.add(module.getIdentifier() + " -> " + allowed);
                }
            }
        }
        assertThat(unused).as("declared in package-info.java but not used").isEmpty();
    }

    private static boolean isWithin(AllowedDependency allowed, JavaClass type) {
        var target = allowed.getTargetModule();
        if (!target.contains(type)) {
            return false;
        }
        var namedInterface = allowed.getTargetNamedInterface();
        return namedInterface != null
                ? namedInterface.contains(type)
                : target.getNamedInterfaces().stream().anyMatch(ni -> ni.isNamed() && ni.contains(type));
    }

    @Test
    void aCycleBetweenModulesFails() {
        assertThat(violationsOf("cycle")).anyMatch(message -> message.startsWith("Cycle detected"));
    }

    @Test
    void reachingIntoAnotherModulesInternalsFails() {
        assertThat(violationsOf("internals"))
                .anyMatch(
                        message -> message.startsWith(
                                "Module 'a' depends on non-exposed type org.dutygraph.archfixtures.internals.b.internal.Hidden"));
    }

    @Test
    void usingAModuleNotDeclaredFails() {
        assertThat(violationsOf("undeclared"))
                .anyMatch(message -> message.startsWith("Module 'a' depends on module 'b'"));
    }

    private static List<String> violationsOf(String fixture) {
        return ApplicationModules.of(
                        "org.dutygraph.archfixtures." + fixture, ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .detectViolations()
                .getMessages();
    }
}
