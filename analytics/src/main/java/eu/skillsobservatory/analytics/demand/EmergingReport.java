package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.extract.Tokens;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.provenance.Provenance;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Emerging skills of a slice ({@link Emerging}): the series counted by Elasticsearch, the tests in
 * the core, labels added.
 */
public class EmergingReport {
  private final DemandCounts aggregations;
  private final DemandReport demand;
  private final SkillCatalog catalog;
  private final WordForms forms;
  private VersionSummary stemsVersion;
  private Map<String, List<Set<String>>> stems;

  public EmergingReport(
      DemandCounts aggregations, DemandReport demand, SkillCatalog catalog, WordForms forms) {
    this.forms = forms;
    this.aggregations = aggregations;
    this.demand = demand;
    this.catalog = catalog;
  }

  /**
   * The English labels, as sets of word stems (stop words left out), of the skills asked for, for
   * telling a skill found inside a longer one's label: read for the skills an answer calls, a few
   * look-ups each, and kept for the version (all 13,896 skills' labels would take seconds to read).
   */
  private synchronized Function<String, List<Set<String>>> labelStems(Collection<String> uris) {
    VersionSummary load = catalog.currentLoad();
    if (stems == null || !load.equals(stemsVersion)) {
      stems = new HashMap<>();
      stemsVersion = load;
    }
    List<String> missing = uris.stream().filter(u -> !stems.containsKey(u)).distinct().toList();
    if (!missing.isEmpty()) {
      var labels = catalog.labels(load.version(), missing, "en");
      for (String uri : missing) {
        List<Set<String>> sets = new ArrayList<>();
        var en = labels.get(uri);
        if (en != null) {
          sets.add(words(en.preferred()));
          en.alternative().forEach(a -> sets.add(words(a)));
          en.hidden().forEach(h -> sets.add(words(h)));
        }
        stems.put(uri, sets);
      }
    }
    Map<String, List<Set<String>>> out = new HashMap<>();
    uris.forEach(u -> out.put(u, stems.get(u)));
    return out::get;
  }

  private Set<String> words(String label) {
    Set<String> out = new HashSet<>();
    for (var t : Tokens.of(label)) {
      if (!forms.isStop(t, "en")) {
        out.add(forms.stemOf(t, "en"));
      }
    }
    return out;
  }

  /** One skill's result with its label. */
  public record Skill(String label, Emerging.Result evidence) {}

  /**
   * @param tested skills with the minimum support over both windows
   * @param others the tested skills not called emerging that grew most, at most {@code limit}
   * @param note why nothing was tested (too few months of postings in the slice), else null
   * @param excludedMonth the data's last month, left out of the test because incomplete, or null
   * @param seasonal whether each month was compared with the same month of the year before
   * @param sources the sources the tests were stratified by
   * @param definedIn where the method is defined
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
      String note,
      YearMonth excludedMonth,
      boolean seasonal,
      List<String> sources,
      String definedIn,
      boolean synthetic,
      Provenance provenance) {}

  public Report emerging(Slice slice, Emerging.Settings settings, int limit) {
    checkLimit(limit);
    Function<String, String> names = demand.labels();
    Emerging.Report r = test(slice, "skills", settings, this::labelStems);
    var provenance = demand.provenance(slice);
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
        r.emerging().stream().map(x -> new Skill(names.apply(x.uri()), x)).toList(),
        r.testedResults().stream()
            .filter(x -> !x.emerging())
            .limit(limit)
            .map(x -> new Skill(names.apply(x.uri()), x))
            .toList(),
        note(r),
        r.excludedMonth(),
        r.seasonal(),
        r.sources(),
        Emerging.METHOD,
        provenance.synthetic(),
        provenance);
  }

  private static void checkLimit(int limit) {
    if (limit < 0 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 0 to 1000, not " + limit);
    }
  }

  /** The note of a report, and the month left out when there is one. */
  private static String note(Emerging.Report r) {
    if (r.excludedMonth() == null) {
      return r.note();
    }
    String left =
        r.excludedMonth()
            + " is left out: it has fewer days with postings than the data's months usually have";
    return r.note() == null ? left : r.note() + "; " + left;
  }

  /**
   * The whole method on the values of one field: the stratified tests, the top employer's check,
   * and the explanation of one value's rise by another's.
   */
  private Emerging.Report test(
      Slice slice,
      String field,
      Emerging.Settings settings,
      Function<Collection<String>, Function<String, List<Set<String>>>> labels) {
    EmergingCounts counts = aggregations.emerging();
    Emerging.Report r =
        Emerging.run(
            counts.series(
                slice,
                field,
                settings.recentMonths(),
                settings.baselineMonths(),
                settings.minSupport()),
            settings);
    if (!r.emerging().isEmpty()) {
      List<String> called = r.emerging().stream().map(Emerging.Result::uri).toList();
      r = Emerging.withEmployers(r, settings, counts.employers(slice, field, called, r));
    }
    Emerging.Report tested = r;
    return EmergingExplanations.explained(
        r,
        settings,
        labels.apply(r.emerging().stream().map(Emerging.Result::uri).toList()),
        (a, b) -> counts.without(slice, field, a.uri(), b.uri(), tested));
  }

  /**
   * Candidate new skills outside ESCO: phrases of the vacancies' text that no ESCO label matched
   * ({@code Phrases}, English), tested for a rise exactly as skills are; a phrase made of the words
   * of a longer rising one is listed as explained by it.
   *
   * @param tested phrases with the minimum support over both windows
   * @param note why nothing was tested (too few months of postings in the slice), else null
   * @param others the tested phrases neither rising nor explained that grew most, each with the
   *     reason it is not called, at most {@code limit}
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
      String note,
      YearMonth excludedMonth,
      String definedIn,
      boolean synthetic,
      Provenance provenance,
      List<Emerging.Result> others) {}

  public Candidates candidates(Slice slice, Emerging.Settings settings, int limit) {
    checkLimit(limit);
    Emerging.Report r =
        test(slice, "phrases", settings, called -> p -> List.of(Set.of(p.split(" "))));
    var provenance = demand.provenance(slice);
    return new Candidates(
        slice,
        settings,
        r.recentFrom(),
        r.recentPostings(),
        r.baselinePostings(),
        r.tested(),
        r.emerging().stream().limit(limit).toList(),
        r.testedResults().stream().filter(x -> x.explainedBy() != null).limit(limit).toList(),
        note(r),
        r.excludedMonth(),
        Emerging.METHOD,
        provenance.synthetic(),
        provenance,
        r.testedResults().stream()
            .filter(x -> !x.emerging() && x.explainedBy() == null)
            .limit(limit)
            .toList());
  }
}
