package com.keyward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import org.springframework.stereotype.Repository;

/** The layering of docs/style.md, enforced: the build fails when a change breaks it. */
@AnalyzeClasses(packages = "com.keyward", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyRepositoriesUseJooq = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .and().resideOutsideOfPackage("com.keyward.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "com.keyward.db.jooq..")
            .because("only repositories (and the db package that configures jOOQ) touch it");

    @ArchTest
    static final ArchRule viewsNeverCallRepositories = noClasses()
            .that().areAssignableTo(Component.class)
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .because("views go through services, which own transactions and authorization");

    @ArchTest
    static final ArchRule repositoriesDoNotKnowTheUi = noClasses()
            .that().areAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "..ui..");

    @ArchTest
    static final ArchRule repositoriesAreNamedSo = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule noCyclesBetweenConcepts = slices()
            .matching("com.keyward.(*)..")
            .should().beFreeOfCycles();
}
