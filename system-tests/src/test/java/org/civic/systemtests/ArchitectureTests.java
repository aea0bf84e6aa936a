package org.civic.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the services apart and each service layered the same way. Reads the compiled classes of
 * every module, so it needs no dependency on the services' code.
 */
class ArchitectureTests {
  static final List<String> SERVICES = List.of("members", "branches", "activities");
  static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    Path root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    ClassFileImporter importer =
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    List<Path> dirs =
        List.of(
                "members-service",
                "branches-service",
                "activities-service",
                "eventing",
                "web-commons",
                "local-infra")
            .stream()
            .map(m -> root.resolve(m).resolve("target/classes"))
            .filter(Files::isDirectory)
            .toList();
    if (dirs.size() < 6) {
      throw new IllegalStateException("compile all modules first; found only " + dirs);
    }
    classes = importer.importPaths(dirs);
  }

  @Test
  void noServiceReachesIntoAnotherServicesCode() {
    for (String service : SERVICES) {
      for (String other : SERVICES) {
        if (!service.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage("org.civic." + service + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("org.civic." + other + "..")
              .because("services talk only through events and HTTP")
              .check(classes);
        }
      }
    }
  }

  @Test
  void sharedModulesDoNotDependOnAnyService() {
    for (String service : SERVICES) {
      noClasses()
          .that()
          .resideInAnyPackage("org.civic.eventing..", "org.civic.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.civic." + service + "..")
          .check(classes);
    }
  }

  @Test
  void productionCodeDoesNotUseTheLocalInfrastructure() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.civic.members..",
            "org.civic.branches..",
            "org.civic.activities..",
            "org.civic.eventing..",
            "org.civic.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civic.localinfra..")
        .check(classes);
  }

  @Test
  void domainCodeKnowsNothingOfRestPersistenceOrMessaging() {
    for (String service : SERVICES) {
      noClasses()
          .that()
          .resideInAPackage("org.civic." + service + ".domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.civic." + service + ".rest..",
              "org.civic." + service + ".service..",
              "org.civic." + service + ".persistence..",
              "org.civic." + service + ".events..",
              "jakarta.ws.rs..",
              "io.quarkus..",
              "org.eclipse.microprofile.reactive.messaging..",
              "org.apache.kafka..")
          .check(classes);
    }
  }

  @Test
  void resourcesDoNotTouchRepositoriesOrTheOutboxDirectly() {
    for (String service : SERVICES) {
      noClasses()
          .that()
          .resideInAPackage("org.civic." + service + ".rest..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.civic.eventing.outbox..")
          .because("state changes and their events go through a service transaction")
          .check(classes);
    }
  }
}
