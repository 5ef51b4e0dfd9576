package eu.skillsobservatory.api.jobs;

import eu.skillsobservatory.analytics.rows.MeteredInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the jobs may take of the home's disk: uploads are kept before they are queued, so their
 * bytes and number are capped and the free space is checked before and while a body is kept; the
 * records of finished jobs, rejects files and forgotten uploads are pruned by age and count.
 *
 * @param maxQueued jobs queued or running at most; one more is refused (503)
 * @param maxQueuedBytes bytes of kept uploads at most, all queued jobs together (507 beyond)
 * @param minFreeDisk free bytes the home's disk keeps at least (507 below)
 * @param keep finished jobs (and rejects files) kept at most, the newest
 * @param keepFor how long a finished job, a rejects file or a left-over upload is kept
 */
public record JobDisk(
    int maxQueued, long maxQueuedBytes, long minFreeDisk, int keep, Duration keepFor) {
  private static final Logger LOG = LoggerFactory.getLogger(JobDisk.class);

  /** 20 jobs, 20 GB of uploads, 1 GB free, 1,000 jobs kept for 30 days. */
  public static final JobDisk DEFAULTS =
      new JobDisk(20, 20L * 1024 * 1024 * 1024, 1024L * 1024 * 1024, 1_000, Duration.ofDays(30));

  /** A job the disk or the queue cannot take: its HTTP status says which. */
  public static final class Refused extends RuntimeException {
    public final int status;
    public final String type;

    Refused(int status, String type, String message) {
      super(message);
      this.status = status;
      this.type = type;
    }
  }

  /** Throws {@link Refused} unless one more job, of the bytes announced (or -1), can be taken. */
  void admit(Path home, long queued, long announced, long keptBytes) {
    if (queued >= maxQueued) {
      throw new Refused(
          503,
          "queue-full",
          queued
              + " jobs are queued or running, the most this server keeps (observatory.jobs.max-queued);"
              + " try again when one has finished");
    }
    if (announced > 0 && keptBytes + announced > maxQueuedBytes) {
      throw tooMuch(keptBytes + announced);
    }
    long free = free(home);
    if (free - Math.max(0, announced) < minFreeDisk) {
      throw new Refused(
          507,
          "disk-full",
          String.format(
              Locale.ROOT,
              "the server's disk has %,d MB free, less than the %,d MB it keeps free"
                  + " (observatory.jobs.min-free-disk) after this upload",
              free / (1024 * 1024),
              minFreeDisk / (1024 * 1024)));
    }
  }

  private Refused tooMuch(long bytes) {
    return new Refused(
        507,
        "uploads-full",
        String.format(
            Locale.ROOT,
            "the queued uploads would hold %,d bytes, more than the %,d kept at once"
                + " (observatory.jobs.max-queued-bytes); try again when a job has finished",
            bytes,
            maxQueuedBytes));
  }

  /** A body being kept: counted into {@code kept}, stopped past the caps or the free space. */
  InputStream counted(InputStream in, Path home, AtomicLong kept) {
    long[] sinceCheck = new long[1];
    return new MeteredInput(
        in,
        (buf, off, n) -> {
          if (kept.addAndGet(n) > maxQueuedBytes) {
            Refused r = tooMuch(kept.get());
            throw new IOException(r.getMessage(), r);
          }
          sinceCheck[0] += n;
          if (sinceCheck[0] > 64L * 1024 * 1024) {
            sinceCheck[0] = 0;
            if (free(home) < minFreeDisk) {
              Refused r =
                  new Refused(
                      507,
                      "disk-full",
                      "the server's disk fell below the free space it keeps"
                          + " (observatory.jobs.min-free-disk) while the upload was kept");
              throw new IOException(r.getMessage(), r);
            }
          }
        });
  }

  private static long free(Path home) {
    try {
      return Files.getFileStore(home).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Removes what is past its age or count: finished job records (not {@code active}), rejects
   * files, and uploads of no active job.
   *
   * @return the jobs whose records were removed
   */
  List<String> prune(
      Path jobs, Path uploads, Path rejects, Set<String> active, List<String> finishedNewestFirst) {
    Instant cutoff = Instant.now().minus(keepFor);
    List<String> gone = new ArrayList<>();
    for (int i = 0; i < finishedNewestFirst.size(); i++) {
      String id = finishedNewestFirst.get(i);
      Path f = jobs.resolve(id + ".json");
      if (i >= keep || olderThan(f, cutoff)) {
        delete(f);
        gone.add(id);
      }
    }
    pruneFolder(rejects, cutoff, p -> false);
    pruneFolder(
        uploads,
        Instant.now().minus(Duration.ofHours(1)),
        p -> active.stream().anyMatch(id -> p.getFileName().toString().startsWith(id)));
    return gone;
  }

  private void pruneFolder(Path dir, Instant cutoff, Predicate<Path> kept) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries =
          s.filter(p -> !kept.test(p))
              .sorted(Comparator.comparing(JobDisk::modified).reversed())
              .toList();
    } catch (IOException e) {
      LOG.warn("Could not list {}: {}", dir, e.getMessage());
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (i >= keep || olderThan(entries.get(i), cutoff)) {
        delete(entries.get(i));
      }
    }
  }

  private static boolean olderThan(Path p, Instant cutoff) {
    return modified(p).toInstant().isBefore(cutoff);
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.from(Instant.now());
    }
  }

  private static void delete(Path p) {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", p, e.getMessage());
    }
  }
}
