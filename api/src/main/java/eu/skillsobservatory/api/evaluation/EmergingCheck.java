package eu.skillsobservatory.api.evaluation;

import eu.skillsobservatory.analytics.demand.Emerging;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.Slice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores emerging-skill detection against a generated corpus's truth: per sector with a planted
 * skill (or, for a corpus without any, the sectors where the generator plants them), the skills
 * called emerging are compared with those planted there.
 */
@Service
public class EmergingCheck {
  /** The sectors the generator plants trends in, in its order. */
  static final List<String> TREND_SECTORS = List.of("C", "J", "F", "Q", "M");

  private final EmergingReport emerging;

  public EmergingCheck(EmergingReport emerging) {
    this.emerging = emerging;
  }

  /**
   * @param planted emerging skills the generator planted
   * @param found of those, called emerging in their sector
   * @param called skills called emerging in the sectors checked
   * @param tested skills tested in those sectors
   * @param unplanted called but not planted, per sector
   * @param newTerms terms outside ESCO the generator planted; {@code newTermsFound} of them were
   *     among the rising candidate phrases of their sector
   * @param candidatesCalled candidate phrases called rising in the sectors of planted terms
   * @param cases per kind of hard case ({@code source-template}, {@code employer-campaign}, {@code
   *     seasonal}), the skill-and-sector pairs checked
   * @param falseCalls per kind, those of them called emerging
   * @param incompleteMonth the month the generator left incomplete, or null
   * @param excludedMonths the months the answers left out as incomplete, per sector checked
   */
  public record Result(
      int planted,
      int found,
      double recall,
      int called,
      double precision,
      int tested,
      double calledShare,
      Map<String, List<String>> unplanted,
      List<String> missed,
      int newTerms,
      int newTermsFound,
      int candidatesCalled,
      Map<String, List<String>> candidates,
      Map<String, Integer> cases,
      Map<String, Integer> falseCalls,
      String incompleteMonth,
      Map<String, String> excludedMonths) {}

  public Result check(Path corpus, Emerging.Settings settings) {
    Path truthFile = corpus.resolveSibling(corpus.getFileName() + ".truth.json");
    JsonNode truth;
    try {
      truth = JsonMapper.builder().build().readTree(Files.readString(truthFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + truthFile, e);
    }
    Map<String, Set<String>> plantedBySector = planted(truth);
    List<String> sectors =
        plantedBySector.isEmpty() ? TREND_SECTORS : new ArrayList<>(plantedBySector.keySet());
    Map<String, Map<String, String>> casesBySector = casesBySector(truth, sectors);
    Map<String, Integer> cases = new TreeMap<>();
    Map<String, Integer> falseCalls = new TreeMap<>();
    casesBySector
        .values()
        .forEach(
            m ->
                m.values()
                    .forEach(
                        k -> {
                          cases.merge(k, 1, Integer::sum);
                          falseCalls.putIfAbsent(k, 0);
                        }));
    Map<String, String> excludedMonths = new LinkedHashMap<>();
    int planted = plantedBySector.values().stream().mapToInt(Set::size).sum();
    int found = 0;
    int called = 0;
    int tested = 0;
    Map<String, List<String>> unplanted = new LinkedHashMap<>();
    List<String> missed = new ArrayList<>();
    for (String sector : sectors) {
      Slice slice = sectorSlice(sector);
      EmergingReport.Report r = emerging.emerging(slice, settings, 0);
      Set<String> expected = plantedBySector.getOrDefault(sector, Set.of());
      tested += r.tested();
      excludedMonths.put(sector, r.excludedMonth() == null ? null : r.excludedMonth().toString());
      for (EmergingReport.Skill s : r.emerging()) {
        called++;
        String kind = casesBySector.getOrDefault(sector, Map.of()).get(s.evidence().uri());
        if (kind != null) {
          falseCalls.merge(kind, 1, Integer::sum);
        }
        if (expected.contains(s.evidence().uri())) {
          found++;
        } else {
          unplanted
              .computeIfAbsent(sector, k -> new ArrayList<>())
              .add(s.evidence().uri() + " " + s.label());
        }
      }
      for (String uri : expected) {
        if (r.emerging().stream().noneMatch(s -> s.evidence().uri().equals(uri))) {
          missed.add(sector + " " + uri);
        }
      }
    }
    Terms t = terms(truth, settings);
    return new Result(
        planted,
        found,
        planted == 0 ? 1 : (double) found / planted,
        called,
        called == 0 ? 1 : (double) found / called,
        tested,
        tested == 0 ? 0 : (double) called / tested,
        unplanted,
        missed,
        t.terms(),
        t.found(),
        t.called(),
        t.candidates(),
        cases,
        falseCalls,
        truth.hasNonNull("incompleteMonth") ? truth.get("incompleteMonth").asString() : null,
        excludedMonths);
  }

  /** The new terms planted, and the candidate phrases called rising in their sectors. */
  private record Terms(int terms, int found, int called, Map<String, List<String>> candidates) {}

  private Terms terms(JsonNode truth, Emerging.Settings settings) {
    int terms = 0;
    int termsFound = 0;
    int candidatesCalled = 0;
    Map<String, List<String>> candidates = new LinkedHashMap<>();
    JsonNode newTerms = truth.get("newTerms");
    for (JsonNode n : newTerms == null ? List.<JsonNode>of() : newTerms.values()) {
      terms++;
      String sector = n.get("sector").asString();
      EmergingReport.Candidates c = emerging.candidates(sectorSlice(sector), settings, 100);
      candidatesCalled += c.rising().size();
      candidates.put(sector, c.rising().stream().map(Emerging.Result::uri).toList());
      if (c.rising().stream().anyMatch(x -> x.uri().equals(n.get("term").asString()))) {
        termsFound++;
      }
    }
    return new Terms(terms, termsFound, candidatesCalled, candidates);
  }

  /** The skills the generator planted, by sector. */
  private static Map<String, Set<String>> planted(JsonNode truth) {
    Map<String, Set<String>> plantedBySector = new LinkedHashMap<>();
    for (JsonNode e : truth.get("emerging")) {
      plantedBySector
          .computeIfAbsent(e.get("sector").asString(), k -> new TreeSet<>())
          .add(e.get("uri").asString());
    }
    return plantedBySector;
  }

  /** The hard cases: for each sector checked, the case skills that apply there, with their kind. */
  private static Map<String, Map<String, String>> casesBySector(
      JsonNode truth, List<String> sectors) {
    Map<String, Map<String, String>> casesBySector = new LinkedHashMap<>();
    JsonNode caseNodes = truth.get("cases");
    for (JsonNode c : caseNodes == null ? List.<JsonNode>of() : caseNodes.values()) {
      JsonNode sectorNode = c.get("sector");
      for (String sector : sectors) {
        if (sectorNode == null || sectorNode.isNull() || sectorNode.asString().equals(sector)) {
          casesBySector
              .computeIfAbsent(sector, k -> new LinkedHashMap<>())
              .put(c.get("uri").asString(), c.get("kind").asString());
        }
      }
    }
    return casesBySector;
  }

  private static Slice sectorSlice(String sector) {
    return new Slice(
        Optional.of(sector),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }
}
