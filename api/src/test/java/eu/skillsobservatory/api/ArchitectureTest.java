package eu.skillsobservatory.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.web.bind.annotation.RestController;

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

  /** Every controller has a slice test ({@code @WebMvcTest}) that names it. */
  @Test
  void everyControllerHasASliceTest() {
    Set<String> tested =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("eu.skillsobservatory.api")
                .stream()
                .filter(c -> c.isAnnotatedWith(WebMvcTest.class))
                .map(c -> c.reflect().getAnnotation(WebMvcTest.class))
                .flatMap(
                    w -> Stream.concat(Arrays.stream(w.value()), Arrays.stream(w.controllers())))
                .map(Class::getName)
                .collect(Collectors.toSet());
    Set<String> controllers =
        ALL.stream()
            .filter(c -> c.isAnnotatedWith(RestController.class))
            .map(c -> c.getName())
            .collect(Collectors.toSet());
    assertThat(controllers).hasSizeGreaterThan(10);
    assertThat(tested).containsAll(controllers);
  }
}
