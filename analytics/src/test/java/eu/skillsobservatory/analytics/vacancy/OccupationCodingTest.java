package eu.skillsobservatory.analytics.vacancy;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Titles coded over an ESCO in memory, searched by the words labels share with the title. */
class OccupationCodingTest {
  static final String CARGO = "http://data.europa.eu/esco/occupation/cargo";
  static final String TAXI = "http://data.europa.eu/esco/occupation/taxi";
  static final String CHAUFFEUR = "http://data.europa.eu/esco/occupation/chauffeur";
  static final String SUPERVISOR = "http://data.europa.eu/esco/occupation/supervisor";
  static final String CROP = "http://data.europa.eu/esco/occupation/crop";
  static final String BUS = "http://data.europa.eu/esco/occupation/bus";
  static final String SECURITY = "http://data.europa.eu/esco/occupation/security-manager";
  static final String CEO = "http://data.europa.eu/esco/occupation/ceo";
  static final String ICT = "http://data.europa.eu/esco/occupation/ict-technician";

  static final InMemoryCatalog CATALOG =
      aCatalog()
          .iscoGroup(
              "8322",
              "Car, taxi and van drivers",
              "Examples of the occupations classified here:\n- Taxi driver\n- Van driver\n")
          .iscoGroup("8332", "Heavy truck and lorry drivers", "")
          .iscoGroup(
              "8331",
              "Bus and tram drivers",
              "Examples of the occupations classified here:\n- Bus driver\n- Driver (bus)\n")
          .iscoGroup("9331", "Hand and pedal vehicle drivers", "- Driver (bicycle)")
          .occupationIn(CARGO, "8332", "cargo vehicle driver", "van driver", "truck driver")
          .occupationIn(CHAUFFEUR, "8322", "private chauffeur", "chauffeur")
          .occupationIn(TAXI, "8322", "taxi driver", "cab driver")
          .occupationIn(BUS, "8331", "bus driver", "coach driver")
          .occupationIn(SECURITY, "1219", "security manager", "security officer")
          .occupationIn(CEO, "1120", "chief executive officer", "CEO")
          .occupationIn(ICT, "3512", "ICT technician", "ICT engineer")
          // Listed first, and so found first: the tie must still go to the more general one.
          .occupationIn(
              CROP, "6111", "agronomic crop production team leader", "production team leader")
          .occupationIn(SUPERVISOR, "3122", "production supervisor", "production team leader")
          .build();

  /** Hits are occupations whose labels share words with the text, most shared words first. */
  static ConceptSearch searchOver(SkillCatalog catalog) {
    List<ConceptDocument> docs = new ArrayList<>();
    catalog.forEachConcept(InMemoryCatalog.VERSION, docs::add);
    return new ConceptSearch() {
      @Override
      public Page search(Query q) {
        Set<String> words = words(q.text());
        List<Hit> hits = new ArrayList<>();
        for (ConceptDocument d : docs) {
          if (d.type() != ConceptType.OCCUPATION) {
            continue;
          }
          ConceptDocument.Labels l = d.labels().get("en");
          List<String> labels = new ArrayList<>(List.of(l.preferred()));
          labels.addAll(l.alternative());
          Hit best = null;
          for (String label : labels) {
            Set<String> shared = new HashSet<>(words(label));
            shared.retainAll(words);
            double score = shared.size() - 0.01 * words(label).size();
            if (!shared.isEmpty() && (best == null || score > best.score())) {
              String field = label.equals(l.preferred()) ? "preferred" : "alternative";
              best = new Hit(d.uri(), l.preferred(), d.type(), label, field, score);
            }
          }
          if (best != null) {
            hits.add(best);
          }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return new Page(hits.size(), hits.subList(0, Math.min(q.limit(), hits.size())));
      }

      @Override
      public Page suggest(Query q) {
        return search(q);
      }
    };
  }

  static Set<String> words(String text) {
    return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\W+")));
  }

  final OccupationCoder coder =
      new OccupationCoder(searchOver(CATALOG), WordForms.NONE, OccupationTable.of(CATALOG));

  @Test
  void iscoExamplesOverruleAnEscoLabelFiledInAnotherGroup() {
    // ESCO files "van driver" under cargo vehicle drivers (8332); ISCO lists it under 8322, whose
    // occupation sharing the most words and the head noun is the taxi driver.
    OccupationCoder.Coding c = coder.code("Van Driver (m/f/d)", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(TAXI);
    assertThat(c.confidence()).isEqualTo(0.95);
  }

  @Test
  void aTitleIscoListsUnderTheGroupEscoChoseKeepsEscosOccupation() {
    OccupationCoder.Coding c = coder.code("Bus Driver", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(BUS);
    assertThat(c.confidence()).isEqualTo(1.0);
  }

  @Test
  void aTitleIscoListsUnderSeveralGroupsDecidesNothing() {
    // "Driver" is listed under 8331 and 9331: the labels decide ("truck driver" is cargo's).
    OccupationCoder.Coding c = coder.code("Truck Driver", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(CARGO);
  }

  @Test
  void anIscoGroupTheVacancyGivesIsNotOverruled() {
    OccupationCoder.Coding c = coder.code("Van Driver", "en", "8332").orElseThrow();
    assertThat(c.uri()).isEqualTo(CARGO);
  }

  @Test
  void otherLanguagesAreNotCodedByTheEnglishExamples() {
    OccupationCoder.Coding c = coder.code("Van Driver", "fr", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(CARGO);
  }

  @Test
  void aLabelOfTwoOccupationsGoesToTheMoreGeneralOne() {
    OccupationCoder.Coding c = coder.code("Production Team Leader", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(SUPERVISOR);
    // The two matched alike: the confidence says the title did not tell them apart.
    assertThat(c.confidence()).isLessThan(0.95);
  }

  @Test
  void aManagersGroupForATitleNamingNoManagerIsDoubted() {
    OccupationCoder.Coding officer = coder.code("Security Officer", "en", null).orElseThrow();
    assertThat(officer.uri()).isEqualTo(SECURITY);
    assertThat(officer.confidence()).isLessThan(0.8);
    OccupationCoder.Coding manager = coder.code("Security Manager", "en", null).orElseThrow();
    assertThat(manager.confidence()).isEqualTo(1.0);
  }

  @Test
  void aTitleIsNotShortenedPastItsHeadNoun() {
    // "PA to CEO" is a PA: dropping "PA to" would leave "CEO", another occupation's label.
    assertThat(coder.code("PA to CEO", "en", null).map(OccupationCoder.Coding::uri))
        .isNotEqualTo(Optional.of(CEO));
    assertThat(coder.code("CEO", "en", null).orElseThrow().uri()).isEqualTo(CEO);
  }

  @Test
  void anEnglishAdvertsItIsEscosIct() {
    OccupationCoder.Coding c = coder.code("IT Technician", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(ICT);
    assertThat(c.confidence()).isEqualTo(1.0);
    // Not in another language.
    assertThat(coder.code("IT Technician", "fr", null).map(OccupationCoder.Coding::confidence))
        .isNotEqualTo(Optional.of(1.0));
  }

  @Test
  void anEscoLabelsItIsIctNotAStopWord() {
    // With "it" a stop word, ESCO's "IT auditor" would be all "auditor" and, a preferred label,
    // beat the alternative label "auditor" that two occupations of 2411 share.
    String it = "http://data.europa.eu/esco/occupation/it-auditor";
    String financial = "http://data.europa.eu/esco/occupation/financial-auditor";
    String accountant = "http://data.europa.eu/esco/occupation/accountant";
    SkillCatalog catalog =
        aCatalog()
            .occupationIn(it, "2511", "IT auditor", "ICT auditor")
            .occupationIn(financial, "2411", "financial auditor", "auditor")
            .occupationIn(accountant, "2411", "accountant", "auditor")
            .build();
    WordForms forms =
        new WordForms() {
          @Override
          public String stem(String w, String language) {
            return w;
          }

          @Override
          public boolean isStopWord(String w, String language) {
            return Set.of("it", "the", "of").contains(w);
          }
        };
    OccupationCoder auditors =
        new OccupationCoder(searchOver(catalog), forms, OccupationTable.of(catalog));
    assertThat(auditors.code("Auditor", "en", null).orElseThrow().uri())
        .isIn(financial, accountant);
    assertThat(auditors.code("IT Auditor", "en", null).orElseThrow().uri()).isEqualTo(it);
  }

  @Test
  void aPartialMatchIsLessSureThanAnExactLabelAndKeepsItsOrder() {
    OccupationCoder.Coding exact = new OccupationCoder.Coding(CARGO, "van driver", 0.95);
    assertThat(OccupationCoder.calibrated(exact)).isEqualTo(exact);
    assertThat(OccupationCoder.calibrated(new OccupationCoder.Coding(CARGO, "x", 0.9)).confidence())
        .isEqualTo(0.767);
    assertThat(
            OccupationCoder.calibrated(new OccupationCoder.Coding(CARGO, "x", 0.855)).confidence())
        .isEqualTo(0.737);
    assertThat(OccupationCoder.calibrated(new OccupationCoder.Coding(CARGO, "x", 0.5)).confidence())
        .isEqualTo(0.5);
    // A title one word longer than a label: coded, but not at 0.8.
    OccupationCoder.Coding c = coder.code("Night Coach Driver", "en", null).orElseThrow();
    assertThat(c.uri()).isEqualTo(BUS);
    assertThat(c.confidence()).isLessThan(0.8);
  }
}
