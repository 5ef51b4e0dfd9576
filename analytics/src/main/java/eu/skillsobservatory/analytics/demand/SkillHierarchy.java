package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each ESCO skill's nearest skill group (up the broader links), for demand rolled up to groups;
 * read once per version.
 */
final class SkillHierarchy {
  private SkillHierarchy() {}

  /** Each skill's nearest ESCO skill group, each group's skills, the groups' labels. */
  record Hierarchy(
      Map<String, String> groupOf, Map<String, Set<String>> members, Map<String, String> labels) {}

  static Hierarchy read(Map<String, List<String>> broader, VersionSnapshot snapshot) {
    Map<String, String> groupOf = new HashMap<>();
    Map<String, Set<String>> members = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    snapshot
        .concepts()
        .forEach(
            (uri, e) -> {
              if (e.type() == ConceptType.SKILL_GROUP) {
                labels.put(uri, e.preferredLabel());
              }
            });
    snapshot
        .concepts()
        .forEach(
            (uri, e) -> {
              if (e.type() != ConceptType.SKILL) {
                return;
              }
              String g = nearestGroup(uri, broader, labels.keySet());
              if (g != null) {
                groupOf.put(uri, g);
                members.computeIfAbsent(g, k -> new HashSet<>()).add(uri);
              }
            });
    return new Hierarchy(groupOf, members, labels);
  }

  /** The first skill group up the broader links (breadth first; the smallest URI on ties). */
  static String nearestGroup(String skill, Map<String, List<String>> broader, Set<String> groups) {
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(skill));
    Set<String> seen = new HashSet<>(queue);
    while (!queue.isEmpty()) {
      List<String> level = new ArrayList<>();
      int n = queue.size();
      for (int i = 0; i < n; i++) {
        for (String up : broader.getOrDefault(queue.poll(), List.of())) {
          if (seen.add(up)) {
            level.add(up);
          }
        }
      }
      Optional<String> found = level.stream().filter(groups::contains).sorted().findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      queue.addAll(level);
    }
    return null;
  }
}
