package eu.skillsobservatory.api.jobs;

import eu.skillsobservatory.analytics.jobs.JobRecords;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.config.ObservatorySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long work started through the API, as jobs: the request's body is first kept in {@code
 * HOME/uploads/} (so the job no longer needs the client), then loads run one at a time in the
 * background. Each job's state is written to {@code HOME/jobs/ID.json} at every change; a job a
 * restart interrupted is marked failed on the next start, and can be submitted again without
 * duplicates (vacancies and offers are keyed by source and id).
 */
@Service
public class JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  public enum State {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /**
   * @param progress what the work has done so far: task, work done and total, items
   * @param result the work's report once it ended
   */
  public record Job(
      String id,
      String kind,
      String input,
      State state,
      String createdAt,
      String startedAt,
      String finishedAt,
      Map<String, Object> progress,
      Object result,
      String error) {
    Job with(State s, String started, String finished, Object r, String e) {
      return new Job(id, kind, input, s, createdAt, started, finished, progress, r, e);
    }
  }

  private final Path jobs;
  private final Path uploads;
  private final Map<String, Job> all = new ConcurrentHashMap<>();
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "observatory-jobs");
            t.setDaemon(true);
            return t;
          });
  private final JsonMapper json = JsonConfiguration.lineMapper();

  private final Path home;
  private final JobDisk disk;
  private final Map<String, Long> keptBytes = new ConcurrentHashMap<>();

  /** The job records every instance shares, if a shared store is there. */
  private final JobSharing shared;

  @Autowired
  public JobService(ObservatorySettings settings, JobDisk disk, ObjectProvider<JobRecords> shared) {
    this(settings.homePath(), disk, () -> Optional.ofNullable(shared.getIfAvailable()));
  }

  /** Jobs of this instance only. */
  JobService(Path home) {
    this(home, JobDisk.DEFAULTS, Optional::empty);
  }

  JobService(Path home, JobDisk disk) {
    this(home, disk, Optional::empty);
  }

  JobService(Path home, JobDisk disk, Supplier<Optional<JobRecords>> shared) {
    this.home = home;
    this.disk = disk;
    this.shared = new JobSharing(shared, json);
    this.jobs = home.resolve("jobs");
    this.uploads = home.resolve("uploads");
    try {
      Files.createDirectories(jobs);
      Files.createDirectories(uploads);
      try (Stream<Path> files = Files.list(jobs)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
          Job j = json.readValue(f.toFile(), Job.class);
          if (j.state() == State.QUEUED || j.state() == State.RUNNING) {
            j =
                j.with(
                    State.FAILED,
                    j.startedAt(),
                    Instant.now().toString(),
                    null,
                    "interrupted by a restart of the server; submit the input again: what was"
                        + " written is replaced, not duplicated");
            save(j);
            // What the interrupted job kept is not needed any more: the input is submitted again.
            delete(uploads.resolve(j.id() + ".body"));
            delete(uploads.resolve(j.id()));
          }
          all.put(j.id(), j);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the jobs of " + jobs + ": " + e.getMessage(), e);
    }
    prune();
    shareSaves = true;
  }

  /** Removes finished jobs, rejects files and left-over uploads past their age or count. */
  private synchronized void prune() {
    List<String> finished =
        all.values().stream()
            .filter(j -> j.state() == State.SUCCEEDED || j.state() == State.FAILED)
            .sorted(Comparator.comparing(Job::createdAt).reversed())
            .map(Job::id)
            .toList();
    Set<String> active =
        all.values().stream()
            .filter(j -> j.state() == State.QUEUED || j.state() == State.RUNNING)
            .map(Job::id)
            .collect(Collectors.toSet());
    disk.prune(jobs, uploads, home.resolve("rejects"), active, finished).forEach(all::remove);
  }

  private void forget(String id, Path kept) {
    delete(kept);
    keptBytes.remove(id);
  }

  /** Refuses a new job the queue or the disk cannot take ({@link JobDisk.Refused}). */
  private void admit(long announced) {
    long queued =
        all.values().stream()
            .filter(j -> j.state() == State.QUEUED || j.state() == State.RUNNING)
            .count();
    disk.admit(
        home, queued, announced, keptBytes.values().stream().mapToLong(Long::longValue).sum());
  }

  /** Copies a body to {@code target} within the disk's limits; a refusal leaves nothing behind. */
  private void keep(String id, InputStream body, Path target) throws IOException {
    AtomicLong total = new AtomicLong(keptBytes.values().stream().mapToLong(Long::longValue).sum());
    long before = total.get();
    try {
      Files.copy(disk.counted(body, home, total), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      if (e.getCause() instanceof JobDisk.Refused r) {
        throw r;
      }
      throw e;
    } finally {
      keptBytes.merge(id, total.get() - before, Long::sum);
    }
  }

  /**
   * Keeps the body, then queues the work over it.
   *
   * @param work reads the kept body (with a progress to report to) and returns a report
   */
  public Job submit(String kind, String input, InputStream body, Function<Work, Object> work) {
    admit(-1);
    String id = UUID.randomUUID().toString();
    Path kept = uploads.resolve(id + ".body");
    try {
      keep(id, body, kept);
    } catch (IOException e) {
      forget(id, kept);
      throw new UncheckedIOException("the request body could not be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      forget(id, kept);
      throw e;
    }
    return queue(id, kind, input, kept, work);
  }

  /** A file of an upload of several: its name (kept) and its content. */
  public record Part(String name, InputStream content) {}

  /**
   * Keeps the files of a multipart upload in a folder of their own, under their names, then queues
   * the work over the folder ({@link Work#body()}).
   */
  public Job submitFiles(String kind, String input, List<Part> parts, Function<Work, Object> work) {
    admit(-1);
    String id = UUID.randomUUID().toString();
    Path kept = uploads.resolve(id);
    try {
      Files.createDirectories(kept);
      for (Part part : parts) {
        try (InputStream in = part.content()) {
          keep(id, in, kept.resolve(part.name()));
        }
      }
    } catch (IOException e) {
      forget(id, kept);
      throw new UncheckedIOException("the uploaded files could not be kept: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      forget(id, kept);
      throw e;
    }
    return queue(id, kind, input, kept, work);
  }

  /** Queues work that reads no upload (a reindex). */
  public Job submitWork(String kind, String input, Function<Work, Object> work) {
    admit(-1);
    return queue(UUID.randomUUID().toString(), kind, input, null, work);
  }

  private Job queue(String id, String kind, String input, Path kept, Function<Work, Object> work) {
    Job job =
        new Job(
            id,
            kind,
            input,
            State.QUEUED,
            Instant.now().toString(),
            null,
            null,
            new ConcurrentHashMap<>(),
            null,
            null);
    save(job);
    runner.execute(() -> run(id, kept, work));
    return job;
  }

  /** What the work gets: the kept body and a progress that the job exposes. */
  public record Work(Path body, Progress progress) {}

  private void run(String id, Path kept, Function<Work, Object> work) {
    Job j = all.get(id);
    String started = Instant.now().toString();
    save(j.with(State.RUNNING, started, null, null, null));
    Map<String, Object> p = j.progress();
    Progress progress =
        new Progress() {
          @Override
          public void start(String task, String itemUnit, long totalWork) {
            p.put("task", task);
            p.put("unit", itemUnit);
            p.put("total", totalWork);
            p.put("done", 0L);
            p.put("items", 0L);
          }

          @Override
          public void advance(long done, long items) {
            p.put("done", done);
            p.put("items", items);
            shared.progress(all.get(id));
          }

          @Override
          public void finish(String summary) {
            p.put("last", summary);
          }
        };
    try {
      Object result = work.apply(new Work(kept, progress));
      if (result instanceof LoadOutcome o && o.failed()) {
        // Part of the valid input is not in the store: never reported as a success.
        LOG.warn("Job {} failed: {}", id, o.shortfall());
        save(
            all.get(id)
                .with(State.FAILED, started, Instant.now().toString(), result, o.shortfall()));
      } else {
        save(all.get(id).with(State.SUCCEEDED, started, Instant.now().toString(), result, null));
      }
    } catch (RuntimeException e) {
      LOG.warn("Job {} failed: {}", id, e.getMessage());
      save(
          all.get(id)
              .with(
                  State.FAILED,
                  started,
                  Instant.now().toString(),
                  null,
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } finally {
      delete(kept);
      keptBytes.remove(id);
      prune();
    }
  }

  /** Removes a kept body or folder of files; a failure is logged, the job's outcome stands. */
  private static void delete(Path kept) {
    if (kept == null || !Files.exists(kept)) {
      return;
    }
    try (Stream<Path> all = Files.walk(kept)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", kept, e.getMessage());
    }
  }

  private synchronized void save(Job j) {
    all.put(j.id(), j);
    Path f = jobs.resolve(j.id() + ".json");
    Path tmp = jobs.resolve(j.id() + ".json.tmp");
    try {
      Files.writeString(tmp, json.writeValueAsString(j));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
    if (shareSaves) {
      shared.put(j);
    }
  }

  /** Off while the jobs of the last run are read at start-up: the shared store is not needed. */
  private boolean shareSaves;

  /** A job: run by this instance, else as another instance recorded it in the shared store. */
  public Optional<Job> job(String id) {
    Job local = all.get(id);
    if (local != null) {
      return Optional.of(local);
    }
    return shared.get(id);
  }

  /** The most recent jobs first. */
  public List<Job> recent(int limit) {
    List<Job> out = new ArrayList<>(all.values());
    out.sort(Comparator.comparing(Job::createdAt).reversed());
    return out.subList(0, Math.min(limit, out.size()));
  }

  /** Loads a body: reads it with a progress to report to, and returns a report. */
  public interface Load {
    Object load(InputStream body, Progress progress);
  }

  /** Rejected rows named in a 422 answer at most; the rejects file has them all. */
  static final int REJECTS_SHOWN = 100;

  /**
   * An upload: loaded in the request when {@code wait} (200 and the report; 422 and a problem
   * detail with the report and the first rejected rows when not all of it was loaded), else as a
   * job (202, its URI in {@code Location}, its state in the body).
   */
  public ResponseEntity<?> upload(
      InputStream body, boolean wait, String kind, String input, Load load) {
    return JobAnswers.upload(this, body, wait, kind, input, load);
  }
}
