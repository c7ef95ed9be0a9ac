package com.keyward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.keyward.db.RetriedOnConflict;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The layering of docs/style.md, enforced: the build fails when a change breaks it. */
@AnalyzeClasses(packages = "com.keyward", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyRepositoriesUseJooq = noClasses()
            .that()
            .areNotAnnotatedWith(Repository.class)
            .and()
            .resideOutsideOfPackage("com.keyward.db..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "com.keyward.db.jooq..")
            .because("only repositories (and the db package that configures jOOQ) touch it");

    @ArchTest
    static final ArchRule viewsNeverCallRepositories = noClasses()
            .that()
            .areAssignableTo(Component.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Repository.class)
            .because("views go through services, which own transactions and authorization");

    @ArchTest
    static final ArchRule repositoriesDoNotKnowTheUi = noClasses()
            .that()
            .areAnnotatedWith(Repository.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..", "..ui..");

    @ArchTest
    static final ArchRule repositoriesAreNamedSo =
            classes().that().areAnnotatedWith(Repository.class).should().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirModule = classes()
            .that()
            .areAnnotatedWith(Repository.class)
            .should()
            .notBePublic()
            .because("other modules use a module's service facade, never its repository");

    /*
     * Each table has one owning module: only its repositories write it and keep its rules. The
     * exceptions are named here, so that each is a decision: two read joins that paging in SQL
     * needs, and the demo data, which seeds other modules' tables.
     */
    @ArchTest
    static final ArchRule usersAreTheUserModules = ownedBy(
            "AppUser",
            "user",
            // a key lookup reads its owner's state in the same query; Admin › API Keys filters and
            // sorts every key by its owner's username, which paging in SQL needs in one query
            "com.keyward.apikey.ApiKeyRepository",
            "com.keyward.apikey.ApiKeyOverviewRepository",
            // the approvers' list shows each waiting key's owner, read in the same query
            "com.keyward.apikey.KeyApprovalRepository");

    @ArchTest
    static final ArchRule rolesAreTheRoleModules = ownedBy(
            "Role",
            "role",
            "com.keyward.user.UserRepository"); // the User Management grid shows and sorts by role names

    @ArchTest
    static final ArchRule membershipIsTheRoleModules =
            ownedBy("UserRole", "role", "com.keyward.user.UserRepository"); // the same grid column

    @ArchTest
    static final ArchRule roleAuthoritiesAreTheRoleModules = ownedBy("RoleAuthority", "role");

    @ArchTest
    static final ArchRule roleLimitsAreTheRoleModules = ownedBy("RoleLimit", "role");

    @ArchTest
    static final ArchRule authoritiesAreTheRoleModules = ownedBy("Authority", "role");

    @ArchTest
    static final ArchRule apiSetsAreTheApiSetModules = ownedBy("ApiSet", "apiset");

    @ArchTest
    static final ArchRule apiKeysAreTheApiKeyModules = ownedBy("ApiKey", "apikey");

    @ArchTest
    static final ArchRule apiKeySetsAreTheApiKeyModules = ownedBy("ApiKeySet", "apikey");

    @ArchTest
    static final ArchRule auditEventsAreTheAuditModules = ownedBy("AuditEvent", "audit");

    @ArchTest
    static final ArchRule theInstallationIsTheUserModules = ownedBy("Installation", "user");

    private static ArchRule ownedBy(String table, String module, String... alsoReadBy) {
        return noClasses()
                .that()
                .resideOutsideOfPackages("com.keyward." + module + "..", "com.keyward.db..", "com.keyward.demo..")
                .and(DescribedPredicate.describe(
                        "not " + String.join(", ", alsoReadBy),
                        (JavaClass type) -> !List.of(alsoReadBy).contains(type.getName())))
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.keyward.db.jooq.tables." + table)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.keyward.db.jooq.tables.records." + table + "Record")
                .because("the " + module + " module owns table " + table);
    }

    /*
     * On a Galera cluster a transaction that writes can lose a conflict at commit to one on another
     * node, where one server would have made it wait. Every method that begins a writing
     * transaction is tried again then (RetriedOnConflict); one that only joins its caller's
     * (MANDATORY) leaves that to the caller.
     */
    @ArchTest
    static final ArchRule writingTransactionsAreTriedAgainOnConflict = methods()
            .that()
            .areAnnotatedWith(DescribedPredicate.describe(
                    "@Transactional that can begin a writing transaction",
                    (JavaAnnotation<?> annotation) -> annotation.getRawType().isEquivalentTo(Transactional.class)
                            && !(Boolean) annotation.get("readOnly").orElse(false)
                            && annotation
                                    .get("propagation")
                                    .map(value -> ((JavaEnumConstant) value).name())
                                    .orElse("REQUIRED")
                                    .matches("REQUIRED|REQUIRES_NEW")))
            .should()
            .beAnnotatedWith(RetriedOnConflict.class)
            .because("a transaction that loses a conflict over a row (Galera certification, a deadlock) is"
                    + " tried again, not shown to the person as an error");

    @ArchTest
    static final ArchRule noCyclesBetweenConcepts =
            slices().matching("com.keyward.(*)..").should().beFreeOfCycles();
}
