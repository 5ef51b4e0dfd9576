package eu.skillsobservatory.analytics.jobs;

import java.util.Optional;

/**
 * Job records in the store every instance shares: the instance that runs a job writes its state,
 * progress and result there, so that any instance answers for it.
 */
public interface JobRecords {

  /**
   * A job as stored.
   *
   * @param json the job's record (id, kind, state, progress, result or error) as one JSON object
   */
  record Stored(String id, String json) {}

  /** Writes a job's record, replacing the one held. */
  void put(Stored job);

  /** A job's record, if any instance wrote one. */
  Optional<Stored> get(String id);
}
