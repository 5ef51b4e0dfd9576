package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.provenance.Provenance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts over the vacancies held, for a slice: postings, postings per skill, per group (sector,
 * country, month...), postings mentioning any skill of a named set (an ESCO collection such as
 * digital skills), co-occurring skills, and where the postings come from. The store counts; the
 * vacancies are never read into the caller.
 */
public interface DemandCounts {
  /** The name given to vacancies loaded before datasets were recorded. */
  String NO_DATASET = "(none)";

  /** What a named set of skills can be counted by: a facet written on each vacancy at ingest. */
  enum Facet {
    /** An ESCO collection: digital, green, transversal. */
    COLLECTION,
    /** A skill group: the nearest one of each skill. */
    GROUP
  }

  /**
   * A named set of skills: the postings mentioning any of {@code skills} are counted. A vacancy
   * whose facets were written with the same ESCO version is counted by its facet's {@code value}
   * instead (the same answer, one term to look up); any other by its skills.
   *
   * @see SkillFacts#facetsOf
   */
  record SkillSet(Facet facet, String value, String escoVersion, Set<String> skills) {
    public SkillSet {
      skills = Set.copyOf(skills);
    }
  }

  /** A count and the key (a skill URI, a group's value) it was counted for. */
  record Count(String key, long count) {}

  /**
   * Postings in a group of the slice, the skills they mention most, how many mention any skill of
   * each named set, and how many mention no skill at all.
   *
   * @param group the group's value (a NACE section, a country code, a month...), or null for the
   *     whole slice
   */
  record Counts(
      String group,
      long postings,
      List<Count> skills,
      Map<String, Long> mentioningAny,
      long withoutSkills) {
    public Counts {
      skills = List.copyOf(skills);
      mentioningAny = Map.copyOf(mentioningAny);
    }
  }

  /**
   * Skills that co-occur with one skill in a slice: the postings of the slice, those mentioning the
   * skill, and for each other skill mentioned with it, postings mentioning both and postings
   * mentioning the other at all.
   */
  record CoOccurrence(long postings, long withSkill, List<Pair> pairs) {
    public CoOccurrence {
      pairs = List.copyOf(pairs);
    }
  }

  /** Postings with both skills, and postings with the other one. */
  record Pair(String other, long both, long withOther) {}

  /**
   * @param groupBy one of the {@link GroupBy#key() keys} of {@link GroupBy}, or empty for the whole
   *     slice
   * @param groups at most this many groups, the largest
   * @param skills at most this many skills per group, the most mentioned (0: none, the postings
   *     only)
   * @param sets named sets of skills: postings mentioning any of each are counted
   */
  List<Counts> counts(
      Slice slice, Optional<String> groupBy, int groups, int skills, Map<String, SkillSet> sets);

  /**
   * The provenance of a slice: its postings per dataset (and whether each is synthetic), and its
   * postings without any skill found.
   */
  Provenance provenance(Slice slice);

  /**
   * The other skills mentioned with {@code skill} in at least {@code minSupport} postings of the
   * slice, the {@code limit} most frequent.
   */
  CoOccurrence coOccurrence(Slice slice, String skill, long minSupport, int limit);

  /** The counts behind emerging skills and candidate phrases. */
  EmergingCounts emerging();

  /**
   * Prepares what the first count over the vacancies would otherwise pay for (a search store's
   * lookup tables of the fields counted by), so that the first question does not wait for it.
   */
  default void warmUp() {}

  /**
   * Brings the counts kept for fast answers (the skills' series by section, country and dataset) up
   * to date with the vacancies held, after a load. A store that keeps none, counting every answer
   * live, has nothing to do.
   *
   * @return the cells of counts written
   */
  default long summarize(Progress progress) {
    return 0;
  }
}
