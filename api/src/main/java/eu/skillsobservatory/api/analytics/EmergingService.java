package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.ingest.analytics.VacancyAggregations;
import java.time.YearMonth;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Emerging skills of a slice ({@link Emerging}): the series counted by Elasticsearch, the tests in
 * the core, labels added.
 */
@Service
public class EmergingService {
  private final ObjectProvider<VacancyAggregations> aggregations;
  private final DemandService demand;
  private final eu.skillsobservatory.analytics.esco.SkillCatalog catalog;
  private final eu.skillsobservatory.ingest.extract.LuceneWordForms forms =
      new eu.skillsobservatory.ingest.extract.LuceneWordForms();
  private eu.skillsobservatory.analytics.esco.EscoVersion stemsVersion;
  private java.util.Map<String, List<java.util.Set<String>>> stems;

  public EmergingService(
      ObjectProvider<VacancyAggregations> aggregations,
      DemandService demand,
      eu.skillsobservatory.analytics.esco.SkillCatalog catalog) {
    this.aggregations = aggregations;
    this.demand = demand;
    this.catalog = catalog;
  }

  /** Reads the label stems of the current version now rather than on the first request. */
  public void prepare() {
    labelStems();
  }

  /**
   * Each skill's English labels as sets of word stems (stop words left out), for telling a skill
   * found inside a longer one's label.
   */
  private synchronized java.util.Map<String, List<java.util.Set<String>>> labelStems() {
    var v = catalog.resolve(java.util.Optional.empty());
    if (stems == null || !v.equals(stemsVersion)) {
      java.util.Map<String, List<java.util.Set<String>>> out = new java.util.HashMap<>();
      catalog.forEachConcept(
          v,
          d -> {
            var en = d.labels().get("en");
            if (d.type() != eu.skillsobservatory.analytics.esco.ConceptType.SKILL || en == null) {
              return;
            }
            List<java.util.Set<String>> sets = new java.util.ArrayList<>();
            sets.add(words(en.preferred()));
            en.alternative().forEach(a -> sets.add(words(a)));
            en.hidden().forEach(h -> sets.add(words(h)));
            out.put(d.uri(), sets);
          });
      stems = out;
      stemsVersion = v;
    }
    return stems;
  }

  private java.util.Set<String> words(String label) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (var t : eu.skillsobservatory.analytics.extract.Tokens.of(label)) {
      if (!forms.isStopWord(t.word(), "en")) {
        out.add(forms.stem(t.word(), "en"));
      }
    }
    return out;
  }

  /** One skill's result with its label. */
  public record Skill(String label, Emerging.Result evidence) {}

  /**
   * @param tested skills with the minimum support in the recent window
   * @param others the tested skills not called emerging that grew most, at most {@code limit}
   * @param note why nothing was tested (too few months of postings in the slice), else null
   */
  public record Report(
      Slice slice,
      Emerging.Settings settings,
      List<YearMonth> months,
      YearMonth recentFrom,
      YearMonth baselineFrom,
      YearMonth baselineTo,
      long recentPostings,
      long baselinePostings,
      int tested,
      List<Skill> emerging,
      List<Skill> others,
      String note) {}

  public Report emerging(Slice slice, Emerging.Settings settings, int limit) {
    if (limit < 0 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 0 to 1000, not " + limit);
    }
    Emerging.Series series =
        aggregations.getObject().monthly(slice, settings.recentMonths(), settings.minSupport());
    Emerging.Report r = Emerging.run(series, settings);
    if (r.emerging().size() > 1) {
      var labels = labelStems();
      r = Emerging.withoutExplained(r, uri -> labels.getOrDefault(uri, List.of()));
    }
    if (r.emerging().size() > 1) {
      r = Emerging.markExplained(r, coOccurring(slice, r, settings));
    }
    return new Report(
        slice,
        settings,
        r.months(),
        r.recentFrom(),
        r.baselineFrom(),
        r.baselineTo(),
        r.recentPostings(),
        r.baselinePostings(),
        r.tested(),
        r.emerging().stream().map(this::labelled).toList(),
        r.testedResults().stream()
            .filter(x -> !x.emerging())
            .limit(limit)
            .map(this::labelled)
            .toList(),
        r.note());
  }

  /**
   * Emerging skills whose rise does not hold apart from a faster-growing emerging skill: among the
   * postings that do not mention that skill, their share did not rise significantly (one-sided
   * two-proportion test at alpha). Template text around a rising skill ("experience with ...")
   * makes such companions.
   */
  private java.util.Map<String, String> coOccurring(
      Slice slice, Emerging.Report r, Emerging.Settings settings) {
    java.util.Map<String, String> explained = new java.util.HashMap<>();
    List<Emerging.Result> emerging = r.emerging();
    for (int i = 1; i < emerging.size(); i++) {
      Emerging.Result b = emerging.get(i);
      for (int j = 0; j < i; j++) {
        Emerging.Result a = emerging.get(j);
        long[] c =
            aggregations
                .getObject()
                .without(slice, a.uri(), b.uri(), r.recentFrom(), r.baselineFrom(), r.baselineTo());
        double p =
            eu.skillsobservatory.analytics.stats.Stats.twoProportionIncrease(
                c[0], c[1], c[2], c[3]);
        if (p > settings.alpha()) {
          explained.put(b.uri(), a.uri());
          break;
        }
      }
    }
    return explained;
  }

  private Skill labelled(Emerging.Result r) {
    return new Skill(demand.label(r.uri()), r);
  }

  /**
   * Candidate new skills outside ESCO: phrases of the vacancies' text that no ESCO label matched
   * ({@code Phrases}, English), tested for a rise exactly as skills are; a phrase made of the words
   * of a longer rising one is listed as explained by it.
   *
   * @param tested phrases with the minimum support in the recent window
   * @param note why nothing was tested (too few months of postings in the slice), else null
   */
  public record Candidates(
      Slice slice,
      Emerging.Settings settings,
      YearMonth recentFrom,
      long recentPostings,
      long baselinePostings,
      int tested,
      List<Emerging.Result> rising,
      List<Emerging.Result> explained,
      String note) {}

  public Candidates candidates(Slice slice, Emerging.Settings settings, int limit) {
    if (limit < 0 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 0 to 1000, not " + limit);
    }
    Emerging.Series series =
        aggregations
            .getObject()
            .monthly(slice, "phrases", settings.recentMonths(), settings.minSupport());
    Emerging.Report r = Emerging.run(series, settings);
    r = Emerging.withoutExplained(r, phrase -> List.of(java.util.Set.of(phrase.split(" "))));
    return new Candidates(
        slice,
        settings,
        r.recentFrom(),
        r.recentPostings(),
        r.baselinePostings(),
        r.tested(),
        r.emerging().stream().limit(limit).toList(),
        r.testedResults().stream().filter(x -> x.explainedBy() != null).limit(limit).toList(),
        r.note());
  }
}
