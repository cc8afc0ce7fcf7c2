package ru.fioco.training.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of ARCHITECTURE §2, checked the same way in every service: the domain knows Axon's
 * annotations and the platform's plain error types, never Quarkus, Kafka, Mongo, REST or CDI; the
 * web layer does not reach into infrastructure; nothing depends on the web layer.
 */
public final class LayerRules {

    private LayerRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "jakarta.ws.rs..",
                        "jakarta.enterprise..", "jakarta.inject..", "io.smallrye..", "org.eclipse.microprofile..",
                        servicePackage + ".web..", servicePackage + ".infra..", servicePackage + ".query..",
                        servicePackage + ".policy..",
                        "ru.fioco.training.platform.publishing..", "ru.fioco.training.platform.consuming..",
                        "ru.fioco.training.platform.web..", "ru.fioco.training.platform.security..")
                .because("the domain holds the rules and nothing of the frameworks around it")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage(servicePackage + ".web..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".web..")
                .because("nothing below the REST layer depends on it")
                .allowEmptyShould(true)
                .check(classes);
    }
}
