package eu.skillsobservatory.analytics.vacancy;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  static final LocalDate DAY = LocalDate.of(2024, 3, 1);
  static final String AD =
      "We are hiring a CNC machinist to set up and operate milling machines, read technical"
          + " drawings, measure parts with callipers and micrometers, keep the machines clean and"
          + " report faults to the shift leader. Two years of experience in metal working needed.";

  @Test
  void theSameAdvertWithOtherBoilerplateAndCaseIsADuplicateOfTheFirst() {
    NearDuplicates d = new NearDuplicates();
    assertThat(
            d.add(
                "a/1", NearDuplicates.fingerprint("CNC machinist", AD), "DE", "A.C.M.E. GmbH", DAY))
        .isEmpty();
    Optional<String> dup =
        d.add(
            "b/7",
            NearDuplicates.fingerprint(
                "cnc machinist (m/f/d)", AD.toUpperCase() + " Apply now via our portal!"),
            "DE",
            "ACME",
            DAY.plusDays(3));
    assertThat(dup).contains("a/1");
    // A third copy points to the original, not to the second.
    assertThat(d.add("c/2", NearDuplicates.fingerprint("CNC machinist", AD), "DE", null, DAY))
        .contains("a/1");
    assertThat(d.originals()).isEqualTo(1);
  }

  @Test
  void anotherCountryEmployerOrMonthKeepsThemApart() {
    NearDuplicates d = new NearDuplicates();
    byte[] p = NearDuplicates.fingerprint("CNC machinist", AD);
    d.add("a/1", p, "DE", "ACME", DAY);
    assertThat(d.add("a/2", p, "AT", "ACME", DAY)).isEmpty();
    assertThat(d.add("a/3", p, "DE", "Other Corp", DAY)).isEmpty();
    assertThat(d.add("a/4", p, "DE", "ACME", DAY.plusDays(45))).isEmpty();
  }

  @Test
  void plantedNearDuplicatesAreFoundAndDistinctAdvertsAreNot() {
    Random r = new Random(7);
    String[] vocabulary = new String[3000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + Integer.toString(i * 7919 % 100_000, 36);
    }
    NearDuplicates d = new NearDuplicates();
    List<String> texts = new ArrayList<>();
    int planted = 0;
    int found = 0;
    int falseDuplicates = 0;
    int originals = 0;
    for (int i = 0; i < 6000; i++) {
      boolean copy = i > 100 && r.nextInt(4) == 0;
      String text;
      String of = null;
      if (copy) {
        int source = r.nextInt(texts.size());
        of = "v" + source;
        text = edit(texts.get(source), r, vocabulary);
        planted++;
      } else {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < 80 + r.nextInt(120); w++) {
          b.append(vocabulary[r.nextInt(vocabulary.length)]).append(' ');
        }
        text = b.toString();
        originals++;
      }
      texts.add(copy ? texts.get(Integer.parseInt(of.substring(1))) : text);
      Optional<String> result =
          d.add("v" + i, NearDuplicates.fingerprint("title", text), "DE", "E", DAY);
      if (copy) {
        // The copy may point to the original of its source, if the source was itself a copy.
        if (result.isPresent()) {
          found++;
        }
      } else if (result.isPresent()) {
        falseDuplicates++;
      }
    }
    assertThat((double) found / planted).as("recall").isGreaterThanOrEqualTo(0.95);
    assertThat((double) falseDuplicates / originals)
        .as("false duplicates")
        .isLessThanOrEqualTo(0.01);
  }

  /** A copy as portals make it: a sentence of their own, one word in twenty changed. */
  static String edit(String text, Random r, String[] vocabulary) {
    String[] words = text.split(" ");
    for (int k = 0; k < words.length / 20; k++) {
      words[r.nextInt(words.length)] = vocabulary[r.nextInt(vocabulary.length)];
    }
    return String.join(" ", words) + " apply now at portal " + r.nextInt(5);
  }

  /**
   * One employer, 600 different jobs (40 titles, so many share one), each advert with the same
   * 230-word company text; 450 reposts edited as aggregators edit (legal form dropped, gender
   * marker, a sentence dropped or added, words changed, line breaks). Whole-text fingerprints merge
   * most of the jobs; with the shared text learned and left out and the titles compared, at most 1
   * % are merged and at least 95 % of the reposts are found.
   */
  @Test
  void oneEmployersJobsSharingACompanyTextStayApartAndTheirRepostsAreFound() {
    Random r = new Random(3);
    String employer = "Northwind Industrie GmbH & Co. KG";
    String company = GeneratorCases.companyText(employer);
    assertThat(company.split(" ")).hasSizeGreaterThan(200);
    String[] vocabulary = new String[2000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + Integer.toString(i * 7919 % 100_000, 36);
    }
    List<Vacancy> jobs = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      StringBuilder b = new StringBuilder();
      int sentences = 4 + r.nextInt(4);
      for (int k = 0; k < sentences; k++) {
        for (int w = 0; w < 6 + r.nextInt(6); w++) {
          b.append(w == 0 ? "" : " ").append(vocabulary[r.nextInt(vocabulary.length)]);
        }
        b.append(". ");
      }
      jobs.add(
          vacancy("portal-a", "j" + i)
              .posted(DAY.plusDays(r.nextInt(20)))
              .sector("C")
              .title("job title " + (i % 40))
              .description(b + company)
              .employer(employer)
              .build());
    }
    NearDuplicates whole = new NearDuplicates();
    NearDuplicates learned = new NearDuplicates();
    int mergedWhole = 0;
    int merged = 0;
    for (Vacancy v : jobs) {
      if (whole
          .add(
              v.id(),
              NearDuplicates.fingerprint(v.title(), v.description()),
              "DE",
              employer,
              v.posted())
          .isPresent()) {
        mergedWhole++;
      }
      if (learned
          .add(
              v.id(),
              learned.print(v.source(), employer, v.title(), v.description()),
              "DE",
              employer,
              v.posted())
          .isPresent()) {
        merged++;
      }
    }
    assertThat(mergedWhole).as("whole-text fingerprints merge the jobs").isGreaterThan(300);
    assertThat(merged).as("jobs merged").isLessThanOrEqualTo(6);
    int found = 0;
    for (int i = 0; i < 450; i++) {
      Vacancy original = jobs.get(r.nextInt(jobs.size()));
      Vacancy copy = GeneratorCases.repost(original, "portal-b", "r" + i, r);
      String[] words = copy.description().split(" ");
      for (int k = 0; k < 2; k++) {
        words[r.nextInt(Math.min(words.length, 40))] = vocabulary[r.nextInt(vocabulary.length)];
      }
      String text = String.join(" ", words);
      Optional<String> result =
          learned.add(
              copy.id(),
              learned.print(copy.source(), copy.employer(), copy.title(), text),
              "DE",
              copy.employer(),
              copy.posted());
      if (result.isPresent() && result.get().equals(original.id())) {
        found++;
      }
    }
    assertThat(found / 450.0).as("reposts found").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void titlesAgreeAsideFromGenderMarkersAndCase() {
    assertThat(EmployerTitleKeys.titleKey("CNC Machinist (m/f/d)"))
        .isEqualTo(EmployerTitleKeys.titleKey("cnc machinist"))
        .isEqualTo(EmployerTitleKeys.titleKey("CNC machinist m/w/d"))
        .isNotEqualTo(EmployerTitleKeys.titleKey("Senior CNC machinist"));
    assertThat(EmployerTitleKeys.employerKey("Northwind Industrie GmbH & Co. KG"))
        .isEqualTo(EmployerTitleKeys.employerKey("Northwind Industrie"))
        .isEqualTo(EmployerTitleKeys.employerKey("NORTHWIND INDUSTRIE GMBH"));
    assertThat(EmployerTitleKeys.employerKey("Acme Retail B.V."))
        .isEqualTo(EmployerTitleKeys.employerKey("Acme Retail"));
  }
}
