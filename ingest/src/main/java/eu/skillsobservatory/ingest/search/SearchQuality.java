package eu.skillsobservatory.ingest.search;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Measures how well search finds ESCO skills by their own labels: each preferred label should find
 * its skill first, each alternative label in the top 5, and the first half of a preferred label (at
 * least 4 characters, cut anywhere) should suggest it in the top 10.
 */
public final class SearchQuality {

  /**
   * The figures, as shares of the labels tried.
   *
   * @param skills the skills tried
   * @param preferredFirst preferred label searched: the skill is the first hit
   * @param altLabels alternative labels tried
   * @param alternativeTop5 alternative label searched: the skill is in the top 5
   * @param suggestTop10 first half of the preferred label suggested: the skill is in the top 10
   * @param meanCharsToTop5 characters typed, on average, before the skill is in the suggestions'
   *     top 5 (over the skills sampled for it)
   * @param sampledForChars the skills sampled for that mean
   */
  public record Result(
      int skills,
      double preferredFirst,
      int altLabels,
      double alternativeTop5,
      double suggestTop10,
      double meanCharsToTop5,
      int sampledForChars) {}

  private final ConceptSearch search;

  public SearchQuality(ConceptSearch search) {
    this.search = search;
  }

  /**
   * @param skillEvery try every n-th skill (1 for all)
   * @param altEvery of those, try every n-th alternative label (1 for all)
   * @param charsEvery of those, measure characters-to-top-5 on every n-th
   */
  public Result measure(
      SkillCatalog catalog, EscoVersion version, int skillEvery, int altEvery, int charsEvery)
      throws Exception {
    List<ConceptDocument> skills = new ArrayList<>();
    int[] seen = {0};
    catalog.forEachConcept(
        version,
        d -> {
          if (d.type() == ConceptType.SKILL
              && d.labels().containsKey("en")
              && seen[0]++ % skillEvery == 0) {
            skills.add(d);
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<int[]>> parts = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        int part = p;
        parts.add(pool.submit(() -> run(skills, part, altEvery, charsEvery)));
      }
      int[] t = new int[7];
      for (Future<int[]> f : parts) {
        int[] r = f.get();
        for (int i = 0; i < t.length; i++) {
          t[i] += r[i];
        }
      }
      return new Result(
          skills.size(),
          (double) t[0] / skills.size(),
          t[1],
          t[1] == 0 ? 0 : (double) t[2] / t[1],
          (double) t[3] / skills.size(),
          t[5] == 0 ? 0 : (double) t[4] / t[5],
          t[5]);
    } finally {
      pool.shutdownNow();
    }
  }

  private int[] run(List<ConceptDocument> skills, int part, int altEvery, int charsEvery) {
    int[] t = new int[7];
    int altSeen = 0;
    for (int i = part; i < skills.size(); i += 2) {
      ConceptDocument d = skills.get(i);
      String pref = d.labels().get("en").preferred();
      if (top(search.search(q(pref, 10)), 1, d.uri())) {
        t[0]++;
      }
      for (String alt : d.labels().get("en").alternative()) {
        if (altSeen++ % altEvery == 0) {
          t[1]++;
          if (top(search.search(q(alt, 5)), 5, d.uri())) {
            t[2]++;
          }
        }
      }
      String half = pref.substring(0, Math.min(pref.length(), Math.max(4, pref.length() / 2)));
      if (top(search.suggest(q(half, 10)), 10, d.uri())) {
        t[3]++;
      }
      if ((i / 2) % charsEvery == 0) {
        int typed = pref.length();
        for (int k = 1; k <= pref.length(); k++) {
          String prefix = pref.substring(0, k);
          if (!prefix.isBlank() && top(search.suggest(q(prefix, 5)), 5, d.uri())) {
            typed = k;
            break;
          }
        }
        t[4] += typed;
        t[5]++;
      }
    }
    return t;
  }

  private static ConceptSearch.Query q(String text, int limit) {
    return new ConceptSearch.Query(text, "en", Optional.empty(), Optional.empty(), limit, 0);
  }

  private static boolean top(ConceptSearch.Page page, int n, String uri) {
    Predicate<ConceptSearch.Hit> it = h -> h.uri().equals(uri);
    return page.hits().stream().limit(n).anyMatch(it);
  }
}
