package ru.fioco.training.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages of a service, each with one meaning (ARCHITECTURE §2), checked the same way in every service:
 * <ul>
 * <li>{@code domain} (aggregates, commands, rules, ports) uses none of the service's other packages and no
 * framework but Axon's annotations and the platform's plain types (errors, calendar, stored-file metadata, api);</li>
 * <li>{@code query} (read models and copies) uses only {@code domain} of the service;</li>
 * <li>{@code policy} (what another service's event causes) uses only {@code domain} and {@code query};</li>
 * <li>{@code infra} (adapters: topic listeners, stores, files, Axon wiring) uses anything but {@code web};</li>
 * <li>nothing uses {@code web} (the REST resources), and {@code web} does not reach into {@code infra};</li>
 * <li>Kafka's {@code @Incoming} methods live in {@code infra} only;</li>
 * <li>no cycles between the service's packages.</li>
 * </ul>
 */
public final class LayerRules {

    private LayerRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        String domain = servicePackage + ".domain..";
        String query = servicePackage + ".query..";
        String policy = servicePackage + ".policy..";
        String infra = servicePackage + ".infra..";
        String web = servicePackage + ".web..";

        noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "jakarta.ws.rs..",
                        "jakarta.enterprise..", "jakarta.inject..", "io.smallrye..", "org.eclipse.microprofile..",
                        "com.fasterxml..", web, infra, query, policy,
                        "ru.fioco.training.platform.publishing..", "ru.fioco.training.platform.consuming..",
                        "ru.fioco.training.platform.web..", "ru.fioco.training.platform.security..",
                        "ru.fioco.training.platform.mongo..",
                        "ru.fioco.training.platform.rebuild..")
                .because("the domain holds the rules and nothing of the frameworks around it")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(query)
                .should().dependOnClassesThat().resideInAnyPackage(policy, infra, web)
                .because("a read model is fed by events and asked by the others; it decides and adapts nothing")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(policy)
                .should().dependOnClassesThat().resideInAnyPackage(infra, web)
                .because("a policy decides what an event causes; the adapters call it, not the other way round")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage(web)
                .should().dependOnClassesThat().resideInAPackage(web)
                .because("nothing below the REST layer depends on it")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(web)
                .should().dependOnClassesThat().resideInAPackage(infra)
                .because("the REST layer is thin: it sends commands and asks read models, the adapters stay below")
                .allowEmptyShould(true)
                .check(classes);
        methods().that().areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                .should().beDeclaredInClassesThat().resideInAPackage(infra)
                .because("topic listeners are adapters: they decode and dispatch")
                .allowEmptyShould(true)
                .check(classes);
        slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .because("each package leans on the ones below it only")
                .check(classes);
    }
}
