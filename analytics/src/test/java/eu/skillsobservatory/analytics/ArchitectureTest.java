package eu.skillsobservatory.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * What opens a file, a connection or a database. A port may name a file ({@link Path}) or take a
   * stream it is given ({@link InputStream}, a request body); opening and reading them is the
   * adapters' work.
   */
  static final DescribedPredicate<JavaClass> OPENS_FILES_OR_CONNECTIONS =
      JavaClass.Predicates.resideInAnyPackage("java.net..", "java.sql..", "java.nio.channels..")
          .or(
              JavaClass.Predicates.belongToAnyOf(
                  Files.class,
                  FileSystems.class,
                  File.class,
                  FileInputStream.class,
                  FileOutputStream.class,
                  FileReader.class,
                  FileWriter.class,
                  RandomAccessFile.class))
          .as("classes that open files, connections or databases");

  @Test
  void analyticsDoesNoFileOrNetworkIo() {
    noClasses()
        .that()
        .resideInAPackage("eu.skillsobservatory.analytics..")
        .should()
        .dependOnClassesThat(OPENS_FILES_OR_CONNECTIONS)
        .because("reading files and calling services is the adapters' work")
        .check(CORE);
  }
}
