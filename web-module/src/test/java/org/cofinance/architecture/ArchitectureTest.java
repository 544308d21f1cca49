package org.cofinance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cofinance.bpmn.FundingRequestProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the code and the direction of their dependencies, kept by the build: the domain depends on nothing but
 * the JDK and the persistence annotations; the application never reaches into the infrastructure or the channels, and
 * reads and writes the store only through the repositories and ports it declares; the channels never reach into the
 * infrastructure; capabilities never depend on each other in a circle; the beans the process models call live in one
 * package.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheMainCode() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cofinance");
    }

    @Test
    void shouldSeeEveryLayerOfTheApplication() {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).contains("org.cofinance.domain.model.request", "org.cofinance.application.ledger",
                "org.cofinance.infrastructure.persistence", "org.cofinance.interfaces.rest",
                "org.cofinance.interfaces.web.requests", "org.cofinance.bpmn");
    }

    @Test
    void shouldKeepTheDomainFreeOfEverythingButTheJdkAndThePersistenceAnnotations() {
        classes().that().resideInAPackage("org.cofinance.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.cofinance.domain..", "java..",
                        "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void shouldNeverLetTheApplicationReachIntoTheInfrastructureOrTheChannels() {
        noClasses().that().resideInAPackage("org.cofinance.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cofinance.infrastructure..",
                        "org.cofinance.interfaces..")
                .check(classes);
    }

    @Test
    void shouldReachTheStoreFromTheApplicationOnlyThroughRepositories() {
        noClasses().that().resideInAPackage("org.cofinance.application..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.Query")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.PersistenceContext")
                .check(classes);
    }

    @Test
    void shouldNeverLetTheChannelsReachIntoTheInfrastructure() {
        noClasses().that().resideInAPackage("org.cofinance.interfaces..")
                .should().dependOnClassesThat().resideInAPackage("org.cofinance.infrastructure..")
                .check(classes);
        noClasses().that().resideInAPackage("org.cofinance.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.cofinance.interfaces..")
                .check(classes);
    }

    @Test
    void shouldNeverLetTwoCapabilitiesDependOnEachOtherInACircle() {
        slices().matching("org.cofinance.application.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.cofinance.interfaces.web.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldImplementTheDomainsRepositoriesInThePersistenceInfrastructure() {
        classes().that().implement(new DescribedPredicate<JavaClass>("a repository of the domain") {
                    @Override
                    public boolean test(JavaClass type) {
                        return type.isInterface() && type.getPackageName().startsWith("org.cofinance.domain.model")
                                && type.getSimpleName().endsWith("Repository");
                    }
                })
                .should().resideInAPackage("org.cofinance.infrastructure.persistence")
                .check(classes);
    }

    @Test
    void shouldFindEveryBeanTheProcessModelsCallOnceInThePackageOfTheDelegates() {
        List<String> called = new ArrayList<>(FundingRequestProcess.DELEGATES);
        called.add(FundingRequestProcess.FUNDING_DECISIONS);
        called.add(FundingRequestProcess.TASK_NOTIFICATIONS);
        List<String> found = new ArrayList<>();
        for (JavaClass type : classes) {
            type.tryGetAnnotationOfType(Named.class).map(Named::value).filter(called::contains).ifPresent(name -> {
                found.add(name);
                assertThat(type.getPackageName()).as(name)
                        .isEqualTo("org.cofinance.infrastructure.workflow.delegates");
            });
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(called);
    }
}
