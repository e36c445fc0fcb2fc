package dev.taskstream.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of ARCHITECTURE.md, checked on every build. */
@AnalyzeClasses(packages = "dev.taskstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "dev.taskstream.api..";
    private static final String COMMAND_SIDE = "dev.taskstream.command..";
    private static final String QUERY_SIDE = "dev.taskstream.query..";
    private static final String SAGAS = "dev.taskstream.sagas..";
    private static final String SERVER = "dev.taskstream.server..";

    @ArchTest
    static final ArchRule command_side_should_not_depend_on_query_side_or_sagas = noClasses()
            .that().resideInAPackage(COMMAND_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY_SIDE, SAGAS, SERVER);

    @ArchTest
    static final ArchRule query_side_should_not_depend_on_command_side_or_sagas = noClasses()
            .that().resideInAPackage(QUERY_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, SAGAS, SERVER);

    @ArchTest
    static final ArchRule sagas_should_not_depend_on_command_side_or_query_side = noClasses()
            .that().resideInAPackage(SAGAS)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE, SERVER);

    @ArchTest
    static final ArchRule api_contracts_should_depend_on_nothing_of_ours = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE, SAGAS, SERVER);

    @ArchTest
    static final ArchRule api_contracts_should_not_know_spring_or_jpa = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..");

    /**
     * Of Axon, contracts may use only annotations such as @TargetAggregateIdentifier and @Revision, upcasters, and
     * CommandExecutionException: the envelope in which a Refusal crosses the command bus is part of the contract.
     */
    @ArchTest
    static final ArchRule api_contracts_should_use_only_axon_annotations_and_upcasters = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "Axon classes other than annotations, the upcaster API and CommandExecutionException",
                    type -> type.getPackageName().startsWith("org.axonframework")
                            && !type.isAnnotation()
                            && !type.getName().equals("org.axonframework.commandhandling.CommandExecutionException")
                            && !type.getPackageName().startsWith("org.axonframework.serialization.upcasting")));

    @ArchTest
    static final ArchRule modules_should_be_free_of_cycles = slices()
            .matching("dev.taskstream.(*)..")
            .should().beFreeOfCycles();
}
