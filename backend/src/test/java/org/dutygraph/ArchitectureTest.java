package org.dutygraph;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature: the platform knows no feature, and features meet only through public APIs. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dutygraph");

    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.dutygraph.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dutygraph.org..", "org.dutygraph.security..",
                        "org.dutygraph.cli..")
                .check(classes);
    }

    @Test
    void securityDoesNotReachIntoTheOrganisationFeature() {
        noClasses().that().resideInAPackage("org.dutygraph.security..")
                .should().dependOnClassesThat().resideInAPackage("org.dutygraph.org..")
                .check(classes);
    }

    @Test
    void theOrganisationFeatureKnowsNothingOfTheFeaturesBuiltOnIt() {
        noClasses().that().resideInAPackage("org.dutygraph.org..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dutygraph.conflicts..", "org.dutygraph.cli..")
                .check(classes);
    }

    /** Spring Modulith's annotations (Finding is a named interface) are declarations that nothing runs. */
    @Test
    void theConflictEngineIsPureJavaOverItsProjection() {
        noClasses().that().resideInAPackage("org.dutygraph.conflicts.engine..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.dutygraph.org..")
                        .and(not(resideInAPackage("org.springframework.modulith"))))
                .check(classes);
    }

    @Test
    void theApiLayerDoesNotWriteTheGraph() {
        noClasses().that().resideInAPackage("org.dutygraph.org.read..")
                .should().dependOnClassesThat().resideInAPackage("org.dutygraph.org.bundle..")
                .check(classes);
    }

    @Test
    void notificationsKnowNoFeatureButAccounts() {
        noClasses().that().resideInAPackage("org.dutygraph.notifications..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dutygraph.org..", "org.dutygraph.conflicts..",
                        "org.dutygraph.cli..")
                .check(classes);
    }

    @Test
    void otherFeaturesReachSpotChecksAndAccountabilityOnlyThroughTheirTopLevelApi() {
        noClasses().that().resideOutsideOfPackages("org.dutygraph.inspections..", "org.dutygraph.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dutygraph.inspections.draw..",
                        "org.dutygraph.inspections.api..")
                .check(classes);
        noClasses().that().resideInAPackage("org.dutygraph.accountability..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dutygraph.inspections..", "org.dutygraph.complaints..")
                .check(classes);
    }

    /**
     * Time comes from the injected {@code java.time.Clock} (in {@code dutygraph.zone}), so that tests move it and
     * "today" never depends on the JVM's zone. Durations are measured with the monotonic {@code System.nanoTime()}.
     * The benchmarks and fakes in cli time themselves and are left out.
     */
    @Test
    void timeIsReadFromTheInjectedClock() {
        noClasses().that().haveNameNotMatching("org\\.dutygraph\\.cli\\.(\\w*Benchmark|Fake\\w*)(\\$.*)?")
                .should().callMethodWhere(nowWithoutAClock())
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(java.util.Date.class)
                .check(classes);
    }

    private static DescribedPredicate<JavaMethodCall> nowWithoutAClock() {
        return DescribedPredicate.describe("java.time now() without a Clock argument", call ->
                call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now")
                        && !(call.getTarget().getRawParameterTypes().size() == 1
                        && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(java.time.Clock.class)));
    }

    @Test
    void theDrawIsAPureFunctionAnyoneCanReplay() {
        noClasses().that().resideInAPackage("org.dutygraph.inspections.draw..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.dutygraph.inspections.draw..",
                        "org.dutygraph.platform.random..")
                .check(classes);
    }
}
