package eu.skillsobservatory.api.jobs;

import java.util.Optional;

/** What a load reports about its input: whether all of it was loaded, and if not, why. */
public interface LoadOutcome {
  /** True when every row was loaded and every file read to its end. */
  boolean complete();

  /** One sentence on what was not loaded, for a problem detail. */
  String shortfall();

  /**
   * True when the store refused part of the valid input (not the input's fault): the load failed,
   * and running it again is the remedy. Rejected rows alone do not make a load fail.
   */
  default boolean failed() {
    return false;
  }

  /** The rejects file (file, line, field, reason), when rows were rejected. */
  Optional<String> rejectsFile();
}
