package eu.skillsobservatory.analytics.provenance;

import java.util.List;

/**
 * Where a slice's figures come from: the datasets whose vacancies it counted, whether any of them
 * is synthetic, and how many of its postings had no skill found (given or extracted), so that
 * slices of different countries or sources can be compared with their coverage in view.
 *
 * @param synthetic some of the postings counted come from a synthetic dataset
 * @param datasets the datasets counted, most postings first ({@code (none)} for vacancies loaded
 *     before datasets were recorded)
 * @param postings the slice's postings
 * @param withoutSkills of those, postings with no skill found
 * @param skillCoverage the share of postings with at least one skill
 * @param definedIn where coverage and datasets are defined
 */
public record Provenance(
    boolean synthetic,
    List<DatasetCount> datasets,
    long postings,
    long withoutSkills,
    double skillCoverage,
    String definedIn) {
  public static final String METHOD = "src/docs/methods.md#provenance-and-coverage";

  public Provenance {
    datasets = List.copyOf(datasets);
  }

  /** One dataset's postings in the slice. */
  public record DatasetCount(String name, long postings, boolean synthetic) {}

  /** From the counts of a slice. */
  public static Provenance of(List<DatasetCount> datasets, long postings, long withoutSkills) {
    boolean synthetic = datasets.stream().anyMatch(d -> d.synthetic() && d.postings() > 0);
    double coverage =
        postings == 0 ? 0 : Math.round((postings - withoutSkills) * 10_000.0 / postings) / 10_000.0;
    return new Provenance(synthetic, datasets, postings, withoutSkills, coverage, METHOD);
  }
}
