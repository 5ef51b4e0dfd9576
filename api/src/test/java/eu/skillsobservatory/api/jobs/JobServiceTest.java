package eu.skillsobservatory.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.jobs.JobRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs run apart from their request, and a restart marks the interrupted ones failed. */
class JobServiceTest {
  @TempDir Path home;

  @Test
  void aJobRunsOnItsKeptBodyAndLeavesNoUploadBehind() throws Exception {
    JobService jobs = new JobService(home);
    JobService.Job j =
        jobs.submit(
            "test",
            "a body",
            new ByteArrayInputStream("three words here".getBytes(StandardCharsets.UTF_8)),
            w -> {
              w.progress().start("counting", "words", 3);
              w.progress().advance(3, 3);
              try {
                return Files.readString(w.body()).split(" ").length;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    for (int i = 0;
        i < 100 && jobs.job(j.id()).orElseThrow().state() != JobService.State.SUCCEEDED;
        i++) {
      Thread.sleep(20);
    }
    JobService.Job done = jobs.job(j.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(JobService.State.SUCCEEDED);
    assertThat(done.result()).isEqualTo(3);
    assertThat(done.progress()).containsEntry("items", 3L);
    try (var files = Files.list(home.resolve("uploads"))) {
      assertThat(files).isEmpty();
    }
    // A failing job keeps its error.
    JobService.Job bad =
        jobs.submit(
            "test",
            "bad",
            new ByteArrayInputStream(new byte[0]),
            w -> {
              throw new IllegalArgumentException("line 3: not a row");
            });
    for (int i = 0;
        i < 100 && jobs.job(bad.id()).orElseThrow().state() != JobService.State.FAILED;
        i++) {
      Thread.sleep(20);
    }
    assertThat(jobs.job(bad.id()).orElseThrow().error()).isEqualTo("line 3: not a row");
  }

  /** A load whose store refused part of the valid rows. */
  record Refused(long written) implements LoadOutcome {
    @Override
    public boolean complete() {
      return false;
    }

    @Override
    public boolean failed() {
      return true;
    }

    @Override
    public String shortfall() {
      return "1000 vacancies refused by Elasticsearch; " + written + " vacancies written";
    }

    @Override
    public Optional<String> rejectsFile() {
      return Optional.empty();
    }
  }

  @Test
  void aLoadTheStoreRefusedPartOfIsAFailedJobWithItsReport() throws Exception {
    JobService jobs = new JobService(home);
    JobService.Job j =
        jobs.submit(
            "vacancies", "a body", new ByteArrayInputStream(new byte[0]), w -> new Refused(39_000));
    for (int i = 0;
        i < 100
            && (jobs.job(j.id()).orElseThrow().state() == JobService.State.QUEUED
                || jobs.job(j.id()).orElseThrow().state() == JobService.State.RUNNING);
        i++) {
      Thread.sleep(20);
    }
    JobService.Job done = jobs.job(j.id()).orElseThrow();
    // The kept body is removed just after the state is saved; wait for that too.
    for (int i = 0; i < 100 && !uploadsEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(done.state()).isEqualTo(JobService.State.FAILED);
    assertThat(done.error()).contains("1000 vacancies refused");
    assertThat(done.result()).isEqualTo(new Refused(39_000));
  }

  private boolean uploadsEmpty() throws IOException {
    try (var files = Files.list(home.resolve("uploads"))) {
      return files.findAny().isEmpty();
    }
  }

  @Test
  void aJobARestartInterruptedIsMarkedFailed() throws Exception {
    Files.createDirectories(home.resolve("jobs"));
    Files.writeString(
        home.resolve("jobs").resolve("j1.json"),
        "{\"id\":\"j1\",\"kind\":\"vacancies\",\"input\":\"x\",\"state\":\"RUNNING\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"startedAt\":\"2026-01-01T00:00:01Z\","
            + "\"progress\":{\"items\":10}}");
    JobService jobs = new JobService(home);
    JobService.Job j = jobs.job("j1").orElseThrow();
    assertThat(j.state()).isEqualTo(JobService.State.FAILED);
    assertThat(j.error()).contains("interrupted by a restart");
    assertThat(Files.readString(home.resolve("jobs").resolve("j1.json"))).contains("FAILED");
  }

  @Test
  void aFullQueueIsRefusedWith503AndAnOversizedUploadWith507LeavingNothing() throws Exception {
    JobService jobs = new JobService(home, new JobDisk(1, 1_000, 0, 10, Duration.ofDays(1)));
    CountDownLatch hold = new CountDownLatch(1);
    jobs.submitWork(
        "test",
        "holds the queue",
        w -> {
          try {
            hold.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return 0;
        });
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> jobs.submitWork("test", "one too many", w -> 0))
        .isInstanceOfSatisfying(
            JobDisk.Refused.class,
            e -> {
              assertThat(e.status).isEqualTo(503);
              assertThat(e.getMessage()).contains("observatory.jobs.max-queued");
            });
    hold.countDown();
    for (int i = 0; i < 100 && jobs.recent(10).get(0).state() != JobService.State.SUCCEEDED; i++) {
      Thread.sleep(20);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> jobs.submit("test", "too big", new ByteArrayInputStream(new byte[5_000]), w -> 0))
        .isInstanceOfSatisfying(
            JobDisk.Refused.class,
            e -> {
              assertThat(e.status).isEqualTo(507);
              assertThat(e.getMessage()).contains("observatory.jobs.max-queued-bytes");
            });
    try (var files = Files.list(home.resolve("uploads"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void finishedJobsAndRejectsArePrunedByCountAndAge() throws Exception {
    Files.createDirectories(home.resolve("rejects"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(home.resolve("rejects").resolve("ingest-" + i + ".csv"), "x");
    }
    Path old = home.resolve("rejects").resolve("ingest-old.csv");
    Files.writeString(old, "x");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(86_400 * 3)));
    JobService jobs = new JobService(home, new JobDisk(20, 1L << 30, 0, 3, Duration.ofDays(2)));
    for (int i = 0; i < 5; i++) {
      jobs.submitWork("test", "job " + i, w -> 1);
      Thread.sleep(5);
    }
    for (int i = 0;
        i < 200 && jobs.recent(10).stream().anyMatch(j -> j.state() != JobService.State.SUCCEEDED);
        i++) {
      Thread.sleep(20);
    }
    Thread.sleep(100);
    assertThat(jobs.recent(10)).hasSizeLessThanOrEqualTo(3);
    try (var files = Files.list(home.resolve("jobs"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSizeLessThanOrEqualTo(3);
    }
    try (var files = Files.list(home.resolve("rejects"))) {
      assertThat(files.toList()).hasSize(3).doesNotContain(old);
    }
  }

  @Test
  void aJobRunByOneInstanceIsAnsweredByAnotherThroughTheSharedRecords(@TempDir Path other)
      throws Exception {
    Map<String, JobRecords.Stored> store = new ConcurrentHashMap<>();
    JobRecords records =
        new JobRecords() {
          @Override
          public void put(Stored job) {
            store.put(job.id(), job);
          }

          @Override
          public Optional<Stored> get(String id) {
            return Optional.ofNullable(store.get(id));
          }
        };
    JobService one = new JobService(home, JobDisk.DEFAULTS, () -> Optional.of(records));
    JobService two = new JobService(other, JobDisk.DEFAULTS, () -> Optional.of(records));
    JobService.Job j =
        one.submit(
            "test",
            "a body",
            new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)),
            w -> "done");
    for (int i = 0;
        i < 100
            && two.job(j.id()).map(JobService.Job::state).orElse(null)
                != JobService.State.SUCCEEDED;
        i++) {
      Thread.sleep(20);
    }
    assertThat(two.job(j.id())).get().extracting(JobService.Job::result).isEqualTo("done");
    assertThat(two.job("no-such-job")).isEmpty();
    assertThat(new JobService(other).job(j.id())).as("without the shared store").isEmpty();
  }
}
