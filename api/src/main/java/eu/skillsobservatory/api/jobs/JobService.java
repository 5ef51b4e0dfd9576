package eu.skillsobservatory.api.jobs;

import eu.skillsobservatory.analytics.progress.Progress;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final JsonMapper json = JsonMapper.builder().build();

  @org.springframework.beans.factory.annotation.Autowired
  public JobService(ObservatorySettings settings) {
    this(settings.homePath());
  }

  JobService(Path home) {
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
          }
          all.put(j.id(), j);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the jobs of " + jobs + ": " + e.getMessage(), e);
    }
  }

  /**
   * Keeps the body, then queues the work over it.
   *
   * @param work reads the kept body (with a progress to report to) and returns a report
   */
  public Job submit(String kind, String input, InputStream body, Function<Work, Object> work) {
    String id = UUID.randomUUID().toString();
    Path kept = uploads.resolve(id + ".body");
    try {
      Files.copy(body, kept, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(kept);
      } catch (IOException ignored) {
        // nothing more to do
      }
      throw new UncheckedIOException("the request body could not be read: " + e.getMessage(), e);
    }
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
          }

          @Override
          public void finish(String summary) {
            p.put("last", summary);
          }
        };
    try {
      Object result = work.apply(new Work(kept, progress));
      save(all.get(id).with(State.SUCCEEDED, started, Instant.now().toString(), result, null));
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
      try {
        Files.deleteIfExists(kept);
      } catch (IOException e) {
        LOG.warn("Could not remove {}: {}", kept, e.getMessage());
      }
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
  }

  public Optional<Job> job(String id) {
    return Optional.ofNullable(all.get(id));
  }

  /** The most recent jobs first. */
  public List<Job> recent(int limit) {
    List<Job> out = new ArrayList<>(all.values());
    out.sort(Comparator.comparing(Job::createdAt).reversed());
    return out.subList(0, Math.min(limit, out.size()));
  }

  /** A job's state as the API shows it, with its URI. */
  public static Map<String, Object> view(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("uri", "/api/jobs/" + j.id());
    m.put("kind", j.kind());
    m.put("input", j.input());
    m.put("state", j.state());
    m.put("createdAt", j.createdAt());
    m.put("startedAt", j.startedAt());
    m.put("finishedAt", j.finishedAt());
    m.put("progress", j.progress());
    m.put("result", j.result());
    m.put("error", j.error());
    return m;
  }

  /** Loads a body: reads it with a progress to report to, and returns a report. */
  public interface Load {
    Object load(InputStream body, Progress progress);
  }

  /**
   * An upload: loaded in the request when {@code wait} (200 and the report), else as a job (202,
   * its URI in {@code Location}, its state in the body).
   */
  public org.springframework.http.ResponseEntity<?> upload(
      InputStream body, boolean wait, String kind, String input, Load load) {
    if (wait) {
      return org.springframework.http.ResponseEntity.ok(load.load(body, Progress.NONE));
    }
    Job job =
        submit(
            kind,
            input,
            body,
            w -> {
              try (InputStream kept = Files.newInputStream(w.body())) {
                return load.load(kept, w.progress());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return org.springframework.http.ResponseEntity.accepted()
        .location(java.net.URI.create("/api/jobs/" + job.id()))
        .body(view(job));
  }
}
