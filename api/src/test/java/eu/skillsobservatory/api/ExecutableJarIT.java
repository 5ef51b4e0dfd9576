package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executable jar the build makes, run as a user runs it. */
class ExecutableJarIT {
  @Test
  void versionPrintsTheBuildsVersion() throws Exception {
    Path jar = Path.of(System.getProperty("observatory.build.jar"));
    assertThat(jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--version")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .isEqualTo("skills-observatory " + System.getProperty("observatory.build.version"));
    assertThat(Files.size(jar)).isGreaterThan(1_000_000);
  }
}
