package eu.skillsobservatory.api.analytics;

import eu.skillsobservatory.analytics.demand.Emerging;
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

  private final EmergingService emerging;

  public EmergingCheck(EmergingService emerging) {
    this.emerging = emerging;
  }

  /**
   * @param planted emerging skills the generator planted
   * @param found of those, called emerging in their sector
   * @param called skills called emerging in the sectors checked
   * @param tested skills tested in those sectors
   * @param unplanted called but not planted, per sector
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
      List<String> missed) {}

  public Result check(Path corpus, Emerging.Settings settings) {
    Path truthFile = corpus.resolveSibling(corpus.getFileName() + ".truth.json");
    JsonNode truth;
    try {
      truth = JsonMapper.builder().build().readTree(Files.readString(truthFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + truthFile, e);
    }
    Map<String, Set<String>> plantedBySector = new LinkedHashMap<>();
    for (JsonNode e : truth.get("emerging")) {
      plantedBySector
          .computeIfAbsent(e.get("sector").asString(), k -> new TreeSet<>())
          .add(e.get("uri").asString());
    }
    List<String> sectors =
        plantedBySector.isEmpty() ? TREND_SECTORS : new ArrayList<>(plantedBySector.keySet());
    int planted = plantedBySector.values().stream().mapToInt(Set::size).sum();
    int found = 0;
    int called = 0;
    int tested = 0;
    Map<String, List<String>> unplanted = new LinkedHashMap<>();
    List<String> missed = new ArrayList<>();
    for (String sector : sectors) {
      Slice slice =
          new Slice(
              Optional.of(sector),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              false);
      EmergingService.Report r = emerging.emerging(slice, settings, 0);
      Set<String> expected = plantedBySector.getOrDefault(sector, Set.of());
      tested += r.tested();
      for (EmergingService.Skill s : r.emerging()) {
        called++;
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
    return new Result(
        planted,
        found,
        planted == 0 ? 1 : (double) found / planted,
        called,
        called == 0 ? 1 : (double) found / called,
        tested,
        tested == 0 ? 0 : (double) called / tested,
        unplanted,
        missed);
  }
}
