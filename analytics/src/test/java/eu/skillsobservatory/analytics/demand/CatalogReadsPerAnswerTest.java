package eu.skillsobservatory.analytics.demand;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.aPosting;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.postings;
import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.analytics.fixtures.InMemoryOffers;
import eu.skillsobservatory.analytics.fixtures.InMemoryPostings;
import eu.skillsobservatory.analytics.gap.GapAnalysis;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import java.lang.reflect.Proxy;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which ESCO version is current is a read of the catalog (an HTTP request when ESCO is on a SPARQL
 * server): an answer naming many skills reads it a few times, not once per skill.
 */
class CatalogReadsPerAnswerTest {
  static final int SKILLS = 40;

  static String skill(int i) {
    return "http://data.europa.eu/esco/skill/k" + i;
  }

  /** Twelve months, each skill in three postings a month. */
  static InMemoryPostings corpus() {
    InMemoryPostings p = postings();
    for (int m = 0; m < 12; m++) {
      for (int i = 0; i < SKILLS; i++) {
        p.add(3, aPosting().postedIn(YearMonth.of(2024, 1).plusMonths(m)).withSkills(skill(i)));
      }
    }
    return p;
  }

  /** Every skill in 3 of 10 postings a month, one source, all days counted. */
  static Emerging.Series series() {
    TreeMap<YearMonth, Long> postings = new TreeMap<>();
    Map<String, Map<YearMonth, Long>> skills = new HashMap<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = YearMonth.of(2024, 1).plusMonths(m);
      postings.put(month, 10L * SKILLS);
      for (int i = 0; i < SKILLS; i++) {
        skills.computeIfAbsent(skill(i), k -> new HashMap<>()).put(month, 3L);
      }
    }
    return new Emerging.Series(postings, skills);
  }

  @Test
  void anEmergingAnswerAndAGapAnswerAskForTheCurrentVersionAFewTimesNotPerSkill() {
    InMemoryCatalog.Builder b = aCatalog();
    for (int i = 0; i < SKILLS; i++) {
      b.skill(skill(i), "skill " + i);
    }
    InMemoryCatalog catalog = b.build();
    AtomicInteger reads = new AtomicInteger();
    SkillCatalog counted =
        (SkillCatalog)
            Proxy.newProxyInstance(
                SkillCatalog.class.getClassLoader(),
                new Class<?>[] {SkillCatalog.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("currentLoad")) {
                    reads.incrementAndGet();
                  }
                  return method.invoke(catalog, args);
                });
    InMemoryPostings postings = corpus().withSeries(series());
    DemandReport demand = new DemandReport(postings, counted, InMemoryEmployment.employment());
    EmergingReport emerging = new EmergingReport(postings, demand, counted, WordForms.NONE);

    EmergingReport.Report r = emerging.emerging(Slice.ALL, Emerging.Settings.DEFAULTS, 1_000);
    assertThat(r.note()).as("note, tested %s", r.tested()).isNull();
    assertThat(r.others()).hasSize(SKILLS);
    assertThat(r.others()).allSatisfy(s -> assertThat(s.label()).startsWith("skill "));
    assertThat(reads.get()).isLessThanOrEqualTo(4);

    reads.set(0);
    GapAnalysis gaps =
        new GapAnalysis(demand, emerging, counted, InMemoryOffers.offers(), postings);
    GapAnalysis.Gaps g = gaps.gaps(Slice.ALL, OfferFilter.ANY, 1_000, 0, true);
    assertThat(g.skills()).hasSize(SKILLS);
    assertThat(reads.get()).isLessThanOrEqualTo(8);
  }
}
