package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.api.fixtures.CliRun;
import eu.skillsobservatory.api.web.ApiKeyFilter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api-key new}: a key, and the setting holding only its hash. */
class ApiKeyCliIT {
  @TempDir Path home;

  @Test
  void aNewKeyComesWithTheSettingOfItsHash() {
    CliRun r = CliRun.in(home, "api-key", "new", "dashboard-1");
    assertThat(r.code()).as(r.err()).isZero();
    String key = r.out().lines().filter(l -> l.startsWith("key:")).findFirst().orElseThrow();
    key = key.substring(4).strip();
    assertThat(key).hasSizeGreaterThanOrEqualTo(40);
    assertThat(r.out())
        .contains("OBSERVATORY_SECURITY_APIKEYS=dashboard-1:" + ApiKeyFilter.hash(key));
    assertThat(CliRun.in(home, "api-key", "new", "no spaces").code()).isEqualTo(2);
  }
}
