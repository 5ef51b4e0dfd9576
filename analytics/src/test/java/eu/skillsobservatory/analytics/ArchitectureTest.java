package eu.skillsobservatory.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core depends on the JDK and itself: no framework, no store, no adapter. */
class ArchitectureTest {
  static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("eu.skillsobservatory.analytics");

  @Test
  void analyticsDependsOnNoAdapterAndNoFramework() {
    classes()
        .that()
        .resideInAPackage("eu.skillsobservatory.analytics..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "eu.skillsobservatory.analytics..")
        .because("analytics is the core: ports and algorithms, no Spring, Jena, ES or IO")
        .check(CORE);
  }

  @Test
  void analyticsDoesNoFileOrNetworkIo() {
    classes()
        .that()
        .resideInAPackage("eu.skillsobservatory.analytics..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages("java.io..", "java.nio.file..", "java.net..", "java.sql..")
        .because("reading files and calling services is the adapters' work")
        .check(CORE);
  }
}
