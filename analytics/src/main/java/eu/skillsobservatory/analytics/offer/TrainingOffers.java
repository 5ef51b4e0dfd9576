package eu.skillsobservatory.analytics.offer;

import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training offers held: added in loads that replace offers of the same source and id, counted
 * per skill for gap reports, and found by the skills they teach for matching.
 */
public interface TrainingOffers {

  /**
   * What a load did.
   *
   * @param index where the offers are now held
   * @param written offers written by this load
   * @param replaced offers held before with the same source and id, now replaced
   * @param kept offers held before and kept
   * @param total offers held after the load
   */
  record LoadReport(String index, long written, long replaced, long kept, long total) {}

  /** One skill's supply: offers in scope teaching it, their hours, their offers per EQF level. */
  record Supply(String skill, long offers, double hours, Map<Integer, Long> eqf) {
    public Supply {
      eqf = Map.copyOf(eqf);
    }
  }

  /** What is held: offers in all, by source, country and mode, and how their skills came. */
  record Stats(
      long offers,
      Map<String, Long> bySource,
      Map<String, Long> byCountry,
      Map<String, Long> byMode,
      long withGivenSkills,
      long withExtractedSkills,
      long withoutSkills) {}

  /**
   * An offer found by the skills it teaches, with what matching needs: who offers it where, its EQF
   * level, mode, hours and cost, and every skill it teaches (given or extracted).
   */
  record Taught(
      String source,
      String id,
      String title,
      String provider,
      String country,
      String region,
      Integer eqf,
      String mode,
      Double hours,
      Double cost,
      String currency,
      List<String> skills) {
    public Taught {
      skills = List.copyOf(skills);
    }
  }

  /**
   * An offer as held: every field of the stored document, in its stored order (the offer, its
   * skills with their evidence, its ingest run and time).
   */
  record Held(Map<String, Object> document) {}

  /**
   * Adds these offers, replacing any held with the same source and id; on failure nothing changed.
   */
  LoadReport add(List<OfferRecord> records);

  /**
   * Offers in scope that teach any of these skills.
   *
   * @param max at most this many (the most relevant first: most of the skills)
   */
  List<Taught> teaching(OfferFilter filter, Collection<String> skills, int max);

  /** The supply of each of these skills in scope. */
  Map<String, Supply> supply(OfferFilter filter, Collection<String> skills);

  /**
   * A page of the offers in scope, in the order of source then id ({@link HeldKey}): every offer
   * held throughout a walk from the first page to the last is read exactly once.
   *
   * @param after the last row of the page before, or null for the first page
   * @param limit rows at most
   */
  HeldPage page(OfferFilter filter, HeldKey after, int limit);

  /** Offers in scope. */
  long count(OfferFilter filter);

  /** What is held. */
  Stats stats();

  /** An offer held, by source and id. */
  Optional<Held> get(String source, String id);
}
