package eu.skillsobservatory.api.vacancy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an interrupted load of a file stopped, so that running it again resumes there instead of
 * starting over: the last line up to which every row is either stored (acknowledged by
 * Elasticsearch, so in its translog) or rejected. One small JSON file per input file under {@code
 * HOME/ingest-state/}, replaced atomically, removed when a load of the file completes. A point
 * belongs to the file as it was: if its size or modification time changed since, it is ignored.
 */
final class ResumePoints {
  private static final Logger LOG = LoggerFactory.getLogger(ResumePoints.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param file the input's absolute path
   * @param size its size when the point was saved
   * @param modified its modification time then (epoch milliseconds)
   * @param line every row up to this line is stored or rejected
   * @param ingest the ingest run that saved it
   * @param savedAt when
   */
  record Point(String file, long size, long modified, long line, String ingest, String savedAt) {}

  private final Path dir;

  ResumePoints(Path dir) {
    this.dir = dir;
  }

  /** The point of an earlier, unfinished load of {@code file} as it is now, if any. */
  Optional<Point> find(Path file) {
    Path state = stateOf(file);
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    try {
      Point p = JSON.readValue(Files.readString(state, StandardCharsets.UTF_8), Point.class);
      if (p.size() == Files.size(file)
          && p.modified() == Files.getLastModifiedTime(file).toMillis()
          && p.line() > 0) {
        return Optional.of(p);
      }
      LOG.info("{} changed since its interrupted load; it is read from its first line", file);
    } catch (IOException | JacksonException e) {
      LOG.warn("Ignoring the unreadable resume point {}: {}", state, e.getMessage());
    }
    return Optional.empty();
  }

  void save(Path file, long line, String ingest) {
    try {
      Files.createDirectories(dir);
      Point p =
          new Point(
              file.toAbsolutePath().normalize().toString(),
              Files.size(file),
              Files.getLastModifiedTime(file).toMillis(),
              line,
              ingest,
              Instant.now().toString());
      Path state = stateOf(file);
      Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(p), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Only the shortcut is lost: a rerun then starts over, and ids keep it exactly-once.
      LOG.warn("Cannot save where the load of {} is: {}", file, e.getMessage());
    }
  }

  void clear(Path file) {
    try {
      Files.deleteIfExists(stateOf(file));
    } catch (IOException e) {
      LOG.warn("Cannot remove the resume point of {}: {}", file, e.getMessage());
    }
  }

  private Path stateOf(Path file) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(h, 0, 12) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The line up to which a running load is done, while rows are extracted and written out of order:
   * rows handed to the writers stay pending until Elasticsearch acknowledges them (a row it refuses
   * stays pending for good, so the point never passes it).
   */
  static final class Watermark {
    private final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
    private volatile long seen;

    Watermark(long start) {
      this.seen = start;
    }

    /** A row handed to the writers (reader thread, in line order). */
    void pending(long line) {
      pending.add(line);
      seen = line;
    }

    /** A row done without writing (rejected), on the reader thread. */
    void passed(long line) {
      seen = Math.max(seen, line);
    }

    void stored(long line) {
      pending.remove(line);
    }

    /** Whether no row handed to the writers is waiting (none was refused). */
    boolean allStored() {
      return pending.isEmpty();
    }

    /** Every row up to this line is done. */
    long line() {
      long s = seen; // read first: anything pending up to it is already in the set
      Long first = pending.ceiling(Long.MIN_VALUE);
      return first == null ? s : Math.min(s, first - 1);
    }
  }
}
