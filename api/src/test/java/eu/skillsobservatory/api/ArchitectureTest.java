package eu.skillsobservatory.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inwards: api to ingest and analytics, ingest to analytics, never back. (The
 * core's own rule is in the analytics module.)
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
}
