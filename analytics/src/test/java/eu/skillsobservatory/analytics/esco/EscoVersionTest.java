package eu.skillsobservatory.analytics.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscoVersionTest {

  @Test
  void versionsOrderByTheirNumbersNotAsText() {
    List<EscoVersion> versions =
        new ArrayList<>(
            List.of(
                EscoVersion.parse("v1.10.0"),
                EscoVersion.parse("1.2.0"),
                EscoVersion.parse("v1.1.1"),
                EscoVersion.parse("v1.9.2")));
    versions.sort(null);
    assertThat(versions)
        .extracting(EscoVersion::value)
        .containsExactly("v1.1.1", "v1.2.0", "v1.9.2", "v1.10.0");
  }

  @Test
  void theVersionIsReadFromOfficialDownloadNames() {
    assertThat(EscoVersion.inFileName("esco-v1.1.1-classification-en-csv.zip"))
        .contains(EscoVersion.parse("v1.1.1"));
    assertThat(EscoVersion.inFileName("ESCO dataset - v1.2.0 - classification - de - csv.zip"))
        .contains(EscoVersion.parse("v1.2.0"));
    assertThat(EscoVersion.inFileName("skills_en.csv")).isEmpty();
  }

  @Test
  void aMalformedVersionIsRefusedWithTheExpectedShape() {
    assertThatThrownBy(() -> EscoVersion.parse("latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v1.1.1");
  }
}
