package eu.skillsobservatory.ingest.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvertMarkupTest {
  /** An advert as job boards send it: a styled intro, lists, entities, a script, a footer. */
  static final String ADVERT =
      "<div style=\"font-family:Arial;color:#333\"><p><strong>Welder (m/f/d)</strong> &ndash;"
          + " Stahlbau Nord&nbsp;GmbH</p><p>Your tasks:</p><ul><li>Weld steel frames &amp;"
          + " pipes</li><li>Read <em>technical</em> drawings</li>\n<li>Check welds</li></ul>"
          + "<script>track('view')</script><br/>We offer:<br>30 days&#39; leave<br />"
          + "<ul><li>Bike leasing</li><li>Canteen</li></ul></div>";

  @Test
  void anAdvertInHtmlBecomesTheTextAReaderSees() {
    assertThat(AdvertMarkup.text(ADVERT))
        .isEqualTo(
            "Welder (m/f/d) – Stahlbau Nord GmbH\n"
                + "Your tasks:\n"
                + "- Weld steel frames & pipes\n"
                + "- Read technical drawings\n"
                + "- Check welds\n"
                + "We offer:\n"
                + "30 days' leave\n"
                + "- Bike leasing\n"
                + "- Canteen");
  }

  @Test
  void plainTextIsLeftAsItIsEvenWithAngleBracketsAndAmpersands() {
    for (String plain :
        new String[] {
          "Salary < 3000 EUR & more > nothing",
          "C++ & C#; use a <5 kg load",
          "Line one\n\n  line two  ",
          "AT&T; R&D department"
        }) {
      assertThat(AdvertMarkup.hasMarkup(plain)).as(plain).isFalse();
      assertThat(AdvertMarkup.text(plain)).isSameAs(plain);
    }
  }

  @Test
  void onlyTheNamedFieldsOfARowAreMadeText() {
    Map<String, String> row =
        Map.of("id", "<b>1</b>", "title", "Cook &amp; baker", "description", "<p>Bake</p>");
    Map<String, String> out = AdvertMarkup.asText(row, "title", "description");
    assertThat(out)
        .containsEntry("id", "<b>1</b>")
        .containsEntry("title", "Cook & baker")
        .containsEntry("description", "Bake");
    Map<String, String> plain = Map.of("title", "Cook", "description", "Bake");
    assertThat(AdvertMarkup.asText(plain, "title", "description")).isSameAs(plain);
  }
}
