package org.dutygraph;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Package by feature: the platform knows no feature, features meet only through public APIs (the module graph
 * as a whole: {@link ModularityTest}), and only stores touch the Neo4j driver.
 */
class ArchitectureTest {

    private static final String DRIVER = "org.neo4j.driver..";

    /**
     * Classes outside stores that may touch driver types, each for a reason. The list may only shrink: a class that
     * stops using the driver must leave it (a test says so), and none joins it without a reason written here.
     */
    static final List<String> LEGACY_DRIVER_USERS = List.of(
            // builds ProjectionStore: the embedded Java API in this JVM, else the plain driver (faster than
            // Neo4jClient)
            "org.dutygraph.conflicts.ProjectionStoreConfiguration",
            // enqueue(tx, ...) joins SubmissionStore's plain-driver group commit
            "org.dutygraph.notifications.Notifications",
            // converts driver values to the org feature's records for its stores, at the driver boundary
            "org.dutygraph.org.read.OrgRows");

    // imported once for the class: JUnit makes an instance per test, and each import took about 3 s
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dutygraph");

    /**
     * Only {@code *Store} classes (their nested types included) use the driver, besides the platform's embedded
     * database and migrations and the legacy classes named.
     */
    static ArchRule onlyStoresTouchTheDriver(Collection<String> legacy) {
        return noClasses()
                .that(not(stores()))
                .and(not(namedIn(legacy)))
                .and()
                .resideOutsideOfPackages("org.dutygraph.platform.neo4j..", "org.dutygraph.platform.migrations..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(DRIVER)
                .because("Cypher and the driver stay in *Store classes");
    }

    private static DescribedPredicate<JavaClass> stores() {
        return DescribedPredicate.describe("are stores", c -> topLevelName(c).endsWith("Store"));
    }

    private static DescribedPredicate<JavaClass> namedIn(Collection<String> names) {
        Set<String> set = Set.copyOf(names);
        return DescribedPredicate.describe("are legacy driver users", c -> set.contains(topLevelName(c)));
    }

    private static String topLevelName(JavaClass javaClass) {
        int nested = javaClass.getName().indexOf('$');
        return nested < 0 ? javaClass.getName() : javaClass.getName().substring(0, nested);
    }

    private static boolean usesTheDriver(JavaClasses classes, String name) {
        return classes.stream()
                .filter(c -> topLevelName(c).equals(name))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.neo4j.driver"));
    }

    @Test
    void onlyStoresTouchTheDriver() {
        onlyStoresTouchTheDriver(LEGACY_DRIVER_USERS).check(classes);
    }

    @Test
    void theLegacyDriverUsersOnlyShrink() {
        assertThat(LEGACY_DRIVER_USERS).isSorted().doesNotHaveDuplicates();
        assertThat(LEGACY_DRIVER_USERS.stream()
                        .filter(name -> !usesTheDriver(classes, name))
                        .toList())
                .as("classes that no longer use the driver (or are gone): remove them from LEGACY_DRIVER_USERS")
                .isEmpty();
    }

    @Test
    void theDriverRuleCatchesAClassOutsideAStore() {
        var fixtures = new ClassFileImporter().importPackages("org.dutygraph.archfixtures.driver");
        var result = onlyStoresTouchTheDriver(List.of("org.dutygraph.archfixtures.driver.LegacyService"))
                .evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(detail -> detail.contains("RogueService"))
                .noneMatch(detail -> detail.contains("FixtureStore") || detail.contains("LegacyService"));
    }

    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dutygraph.org..", "org.dutygraph.security..", "org.dutygraph.cli..")
                .check(classes);
    }

    @Test
    void securityDoesNotReachIntoTheOrganisationFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dutygraph.org..")
                .check(classes);
    }

    @Test
    void theOrganisationFeatureKnowsNothingOfTheFeaturesBuiltOnIt() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.org..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dutygraph.conflicts..", "org.dutygraph.cli..")
                .check(classes);
    }

    /** Spring Modulith's annotations (Finding is a named interface) are declarations that nothing runs. */
    @Test
    void theConflictEngineIsPureJavaOverItsProjection() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.conflicts.engine..")
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.dutygraph.org..")
                        .and(not(resideInAPackage("org.springframework.modulith"))))
                .check(classes);
    }

    @Test
    void theApiLayerDoesNotWriteTheGraph() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.org.read..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dutygraph.org.bundle..")
                .check(classes);
    }

    @Test
    void notificationsKnowNoFeatureButAccounts() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.notifications..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dutygraph.org..", "org.dutygraph.conflicts..", "org.dutygraph.cli..")
                .check(classes);
    }

    @Test
    void otherFeaturesReachSpotChecksAndAccountabilityOnlyThroughTheirTopLevelApi() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.dutygraph.inspections..", "org.dutygraph.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dutygraph.inspections.draw..", "org.dutygraph.inspections.api..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.accountability..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dutygraph.inspections..", "org.dutygraph.complaints..")
                .check(classes);
    }

    /**
     * Time comes from the injected {@code java.time.Clock} (in {@code dutygraph.zone}), so that tests move it and
     * "today" never depends on the JVM's zone. Durations are measured with the monotonic {@code System.nanoTime()}.
     * The benchmarks and fakes in cli time themselves and are left out.
     */
    @Test
    void timeIsReadFromTheInjectedClock() {
        noClasses()
                .that()
                .haveNameNotMatching("org\\.dutygraph\\.cli\\.(\\w*Benchmark|Fake\\w*)(\\$.*)?")
                .should()
                .callMethodWhere(nowWithoutAClock())
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callConstructor(java.util.Date.class)
                .check(classes);
    }

    private static DescribedPredicate<JavaMethodCall> nowWithoutAClock() {
        return DescribedPredicate.describe(
                "java.time now() without a Clock argument",
                call -> call.getTargetOwner().getPackageName().equals("java.time")
                        && call.getName().equals("now")
                        && !(call.getTarget().getRawParameterTypes().size() == 1
                                && call.getTarget()
                                        .getRawParameterTypes()
                                        .get(0)
                                        .isEquivalentTo(java.time.Clock.class)));
    }

    @Test
    void theDrawIsAPureFunctionAnyoneCanReplay() {
        noClasses()
                .that()
                .resideInAPackage("org.dutygraph.inspections.draw..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "java..", "org.dutygraph.inspections.draw..", "org.dutygraph.platform.random..")
                .check(classes);
    }
}
