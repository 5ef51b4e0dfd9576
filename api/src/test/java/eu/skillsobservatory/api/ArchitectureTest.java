package eu.skillsobservatory.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inwards: {@code api -> analytics <- ingest}, and only the wiring package
 * {@code api.config} names an adapter of {@code ingest}. (The core's own rule is in the analytics
 * module.)
 */
class ArchitectureTest {
  static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("eu.skillsobservatory");

  @Test
  void adaptersDoNotReachIntoTheApplication() {
    noClasses()
        .that()
        .resideInAPackage("eu.skillsobservatory.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("eu.skillsobservatory.api..", "org.springframework..")
        .check(ALL);
  }

  @Test
  void onlyTheWiringPackageTouchesAdapters() {
    noClasses()
        .that()
        .resideInAPackage("eu.skillsobservatory.api..")
        .and()
        .resideOutsideOfPackage("eu.skillsobservatory.api.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("eu.skillsobservatory.ingest..")
        .because("services, controllers and commands work through the ports of analytics")
        .check(ALL);
  }
}
