package eu.skillsobservatory.api.jobs;

import eu.skillsobservatory.analytics.jobs.JobRecords;
import eu.skillsobservatory.api.jobs.JobService.Job;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's record in the store every instance shares: written at each change of state and, while it
 * runs, with its progress at most once a second; read by the instances that did not run it.
 */
final class JobSharing {
  private static final Logger LOG = LoggerFactory.getLogger(JobSharing.class);

  private final Supplier<Optional<JobRecords>> store;
  private final JsonMapper json;
  private volatile long last;

  JobSharing(Supplier<Optional<JobRecords>> store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  /**
   * Writes the record; a failure of the shared store is logged and leaves the job as it is (this
   * instance still answers for it).
   */
  void put(Job j) {
    if (j == null) {
      return;
    }
    last = System.nanoTime();
    try {
      store.get().ifPresent(s -> s.put(new JobRecords.Stored(j.id(), json.writeValueAsString(j))));
    } catch (RuntimeException e) {
      LOG.warn("Job {}: its record could not be shared: {}", j.id(), e.getMessage());
    }
  }

  /** Writes the record of a running job if the last write is a second old. */
  void progress(Job j) {
    if (System.nanoTime() - last > 1_000_000_000L) {
      put(j);
    }
  }

  /** A job as the instance that runs it last recorded it. */
  Optional<Job> get(String id) {
    return store
        .get()
        .flatMap(s -> s.get(id))
        .map(stored -> json.readValue(stored.json(), Job.class));
  }
}
