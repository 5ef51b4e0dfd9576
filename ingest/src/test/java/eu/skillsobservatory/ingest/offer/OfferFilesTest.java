package eu.skillsobservatory.ingest.offer;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.rows.RowSink;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training offer files of every format: what becomes an offer, what is refused and why. */
class OfferFilesTest {
  static final Path ELM = Path.of("..", "data", "offers", "elm");
  static final String SKILL =
      "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9";

  @TempDir Path dir;

  static final class Collected implements RowSink<Offer> {
    final List<Offer> offers = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(Offer value, long line) {
      offers.add(value);
    }

    @Override
    public void reject(Rejection r) {
      rejections.add(r);
    }
  }

  ReadReport read(Path file, Collected c) {
    return OfferFiles.read(file, c, Progress.NONE);
  }

  @Test
  void aEuropassMicroCredentialBecomesAnOfferWithItsEscoSkills() {
    Collected c = new Collected();
    ReadReport r = read(ELM.resolve("Sample-MC-Annex1-unsigned.jsonld"), c);
    assertThat(r.problem()).isEmpty();
    assertThat(c.offers).hasSize(1);
    Offer o = c.offers.get(0);
    assertThat(o.format()).isEqualTo("elm");
    assertThat(o.title()).isEqualTo("Digital micro-credential creation");
    assertThat(o.provider()).isEqualTo("University of Zed");
    assertThat(o.country()).isEqualTo("IE");
    assertThat(o.eqf()).isEqualTo(6);
    assertThat(o.hours()).isEqualTo(60.0);
    assertThat(o.ects()).isEqualTo(2.0);
    assertThat(o.mode()).isEqualTo("blended");
    assertThat(o.language()).isEqualTo("en");
    assertThat(o.id()).startsWith("urn:credential:3ef0ac26");
    assertThat(o.outcomes()).hasSize(2);
    assertThat(o.outcomes().stream().flatMap(x -> x.skills().stream())).hasSize(4).contains(SKILL);
  }

  @Test
  void aCertificateOfParticipationWithoutOutcomesStillLoads() {
    Collected c = new Collected();
    read(ELM.resolve("Sample-CertOfPart-unsigned.jsonld"), c);
    assertThat(c.offers).hasSize(1);
    Offer o = c.offers.get(0);
    assertThat(o.title()).isEqualTo("EDC Updates Webinar");
    assertThat(o.mode()).isEqualTo("online");
    // "P2M" is a length in the calendar, not a number of hours.
    assertThat(o.hours()).isNull();
    assertThat(o.outcomes()).isEmpty();
  }

  @Test
  void aPrettyPrintedGraphWithReferencesAndAnOpportunity() throws Exception {
    String doc =
        """
        {
          "@context": "http://data.europa.eu/snb/model/context/edc-ap",
          "@graph": [
            {"id": "urn:lo:1", "type": "LearningOpportunity",
             "title": {"en": "Welding course"},
             "learningAchievementSpecification": "urn:spec:1",
             "providedBy": "urn:org:1",
             "temporal": {"type": "PeriodOfTime", "startDate": "2025-09-01T08:00:00Z"},
             "priceDetail": {"type": "PriceDetail",
                             "amount": {"type": "Amount", "value": 450,
                                        "unit": {"id": "http://publications.europa.eu/resource/authority/currency/EUR"}}},
             "location": {"type": "Location",
                          "address": {"type": "Address",
                                      "countryCode": {"id": "http://publications.europa.eu/resource/authority/country/DEU"}},
                          "spatialCode": {"id": "http://data.europa.eu/nuts/code/DE21"}}},
            {"id": "urn:spec:1", "type": "LearningAchievementSpecification",
             "title": {"de": "Schweißen", "en": "Welding"},
             "description": {"en": "<p>Learn to <b>weld</b> &amp; cut:</p><ul><li>MIG</li><li>TIG</li></ul>"},
             "EQFLevel": {"id": "http://data.europa.eu/snb/eqf/4"},
             "ISCEDFCode": {"id": "http://data.europa.eu/snb/isced-f/0715"},
             "volumeOfLearning": "PT120H",
             "mode": {"prefLabel": {"en": "Face-to-face"}},
             "language": {"id": "http://publications.europa.eu/resource/authority/language/GER"},
             "learningOutcome": [
               {"id": "urn:lo-out:1", "type": "LearningOutcome", "title": {"en": "Weld steel plates"},
                "relatedESCOSkill": ["http://data.europa.eu/esco/skill/aaa"]},
               {"id": "urn:lo-out:2", "type": "LearningOutcome", "title": {"en": "Read technical drawings"}}
             ]},
            {"id": "urn:org:1", "type": "Organisation", "legalName": {"en": "Schweißschule Süd"}}
          ]
        }
        """;
    Path f = Files.writeString(dir.resolve("catalogue.jsonld"), doc);
    Collected c = new Collected();
    ReadReport r = read(f, c);
    assertThat(r.problem()).isEmpty();
    assertThat(c.rejections).isEmpty();
    assertThat(c.offers).hasSize(1);
    Offer o = c.offers.get(0);
    assertThat(o.id()).isEqualTo("urn:lo:1");
    assertThat(o.source()).isEqualTo("catalogue");
    assertThat(o.title()).isEqualTo("Welding");
    // Catalogues carry HTML in descriptions too: stored as the text a reader sees.
    assertThat(o.description()).isEqualTo("Learn to weld & cut:\n- MIG\n- TIG");
    assertThat(o.provider()).isEqualTo("Schweißschule Süd");
    assertThat(o.country()).isEqualTo("DE");
    assertThat(o.region()).isEqualTo("DE21");
    assertThat(o.eqf()).isEqualTo(4);
    assertThat(o.iscedF()).isEqualTo("0715");
    assertThat(o.hours()).isEqualTo(120.0);
    assertThat(o.mode()).isEqualTo("classroom");
    assertThat(o.language()).isEqualTo("de");
    assertThat(o.cost()).isEqualTo(450.0);
    assertThat(o.currency()).isEqualTo("EUR");
    assertThat(o.startDates()).hasSize(1);
    assertThat(o.outcomes().get(0).skills())
        .containsExactly("http://data.europa.eu/esco/skill/aaa");
    assertThat(o.outcomes().get(1).skills()).isEmpty();
  }

  @Test
  void anElmDocumentWithoutAPlaceIsRejectedNamingTheField() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("spec.jsonld"),
            "{\"@context\":\"x\",\"type\":\"Qualification\",\"id\":\"http://q/1\","
                + "\"title\":{\"en\":\"Baking\"}}\n");
    Collected c = new Collected();
    ReadReport r = read(f, c);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(c.rejections).extracting(Rejection::field).containsExactly("country");
  }

  @Test
  void csvAndJsonLinesRowsAndTheirRejections() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("cat.csv"),
            "id;title;country;mode;hours;outcomes;skills;start\n"
                + "1;Welding;DE;hybrid;40;Weld steel|Cut metal;"
                + SKILL
                + ";2025-01-01|2025-06-01\n"
                + "2;;DE;online;x;;;\n");
    Collected c = new Collected();
    ReadReport r = read(csv, c);
    assertThat(r.rows()).isEqualTo(2);
    assertThat(c.offers).hasSize(1);
    assertThat(c.offers.get(0).outcomes()).hasSize(2);
    assertThat(c.offers.get(0).mode()).isEqualTo("blended");
    assertThat(c.offers.get(0).startDates()).hasSize(2);
    assertThat(c.rejections)
        .extracting(x -> x.line() + ":" + x.field())
        .containsExactlyInAnyOrder("3:title", "3:hours");

    Path jsonl =
        Files.writeString(
            dir.resolve("cat.jsonl"),
            "{\"id\":\"a\",\"title\":\"T\",\"country\":\"FR\",\"outcomes\":[\"x\",\"y\"]}\n"
                + "{\"id\":\"b\",\"title\":\"T\",\"country\":\"FR\",\"outcomes\":{\"x\":1}}\n"
                + "not json\n");
    Collected j = new Collected();
    ReadReport rj = read(jsonl, j);
    assertThat(rj.accepted()).isEqualTo(1);
    assertThat(rj.rejected()).isEqualTo(2);
    assertThat(j.rejections)
        .extracting(x -> x.line() + ":" + x.field())
        .containsExactly("2:outcomes", "3:row");
  }

  @Test
  void turtleIsRefusedSayingWhatIsRead() throws Exception {
    Path ttl =
        Files.writeString(
            dir.resolve("credential.ttl"),
            "@prefix elm: <http://data.europa.eu/snb/model/elm/>.\n"
                + "<http://example.org/c1> a elm:EuropeanDigitalCredential .\n");
    Collected c = new Collected();
    ReadReport r = read(ttl, c);
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("RDF", "JSON-LD"));
    assertThat(c.offers).isEmpty();
  }

  @Test
  void aDocumentCutShortOrBrokenLoadsNothing() throws Exception {
    byte[] whole = Files.readAllBytes(ELM.resolve("Sample-MC-Annex1-unsigned.jsonld"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(whole);
    }
    byte[] bytes = gz.toByteArray();
    Path cut = Files.write(dir.resolve("cut.jsonld.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    Collected c = new Collected();
    ReadReport r = read(cut, c);
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("cut short"));

    Path broken =
        Files.writeString(
            dir.resolve("broken.jsonld"),
            "{\n  \"@context\": \"x\",\n  \"type\": \"Qualification\",\n  \"title\": \n",
            StandardCharsets.UTF_8);
    Collected b = new Collected();
    ReadReport rb = read(broken, b);
    assertThat(rb.problem()).hasValueSatisfying(p -> assertThat(p).contains("not JSON"));
    assertThat(b.offers).isEmpty();
  }
}
