package eu.skillsobservatory.analytics.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Skill-extraction benchmark files (sentences labelled with ESCO preferred labels, as in the TECH
 * and HOUSE benchmarks of Decorte et al.), read into cases whose gold labels are resolved to
 * skills.
 */
public interface Benchmarks {

  /**
   * The sentences with their gold skills, in file order.
   *
   * @param cases the sentences that have at least one gold skill
   * @param unresolved gold labels that name no skill of the version used (they count as misses)
   * @param rows data rows read
   */
  record Benchmark(List<ExtractionEvaluation.Case> cases, Set<String> unresolved, int rows) {
    public Benchmark {
      cases = List.copyOf(cases);
      unresolved = Set.copyOf(unresolved);
    }
  }

  /**
   * Reads a file and resolves each gold label to a skill URI by preferred label (exactly, then
   * ignoring case), then by alternative label.
   *
   * @throws IllegalArgumentException naming the file and line for a file that is not a benchmark
   */
  Benchmark read(Path file, SkillTable skills);
}
