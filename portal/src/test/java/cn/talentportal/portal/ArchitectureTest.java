package cn.talentportal.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rules of ARCHITECTURE.md, checked on the compiled classes of all four modules. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.talentportal");
    }

    @Test
    void the_domain_depends_on_axon_modelling_only() {
        noClasses().that().resideInAPackage("cn.talentportal.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "co.elastic..", "org.opensearch..", "com.vaadin..", "jakarta.persistence..",
                        "com.fasterxml.jackson..", "cn.talentportal.projections..", "cn.talentportal.infra..",
                        "cn.talentportal.portal..")
                .check(classes);
    }

    @Test
    void projections_know_neither_infrastructure_nor_the_portal() {
        noClasses().that().resideInAPackage("cn.talentportal.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentportal.infra..",
                        "cn.talentportal.portal..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void infrastructure_knows_nothing_of_the_portal() {
        noClasses().that().resideInAPackage("cn.talentportal.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentportal.portal..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void projections_send_no_commands() {
        noClasses().that().resideInAPackage("cn.talentportal.projections..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.gateway.CommandGateway")
                .check(classes);
    }

    @Test
    void the_embedded_search_engine_never_runs_inside_the_portal() {
        noClasses().that().resideOutsideOfPackage("cn.talentportal.searchnode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opensearch..", "org.codelibs..")
                .check(classes);
    }

    /** Read models are the projections' own; the portal keeps only its accounts and its reference data. */
    @Test
    void views_do_not_write_read_models() {
        noClasses().that().resideInAPackage("cn.talentportal.portal..")
                .and().resideOutsideOfPackages("cn.talentportal.portal.account..", "cn.talentportal.portal.reference..")
                .should().callMethod(com.mongodb.client.MongoCollection.class, "insertOne", Object.class)
                .check(classes);
    }
}
