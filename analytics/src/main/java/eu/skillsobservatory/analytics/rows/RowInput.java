package eu.skillsobservatory.analytics.rows;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** One input of an ingest: a file, or a stream such as a request body. */
public sealed interface RowInput {
  /** The input's name in reports and rejects: the file's path, or the stream's name. */
  String name();

  /** The file read, when the input is one (a load of it can then be resumed and read twice). */
  Optional<Path> path();

  /** A file: CSV or JSON Lines, plain or gzipped. */
  record File(Path file) implements RowInput {
    public File {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
      return file.toString();
    }

    @Override
    public Optional<Path> path() {
      return Optional.of(file);
    }
  }

  /**
   * A stream read once, such as a request body.
   *
   * @param source the source of rows that name none
   */
  record Stream(InputStream in, String name, String source) implements RowInput {
    public Stream {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Optional<Path> path() {
      return Optional.empty();
    }
  }

  static RowInput file(Path file) {
    return new File(file);
  }

  static RowInput stream(InputStream in, String name, String source) {
    return new Stream(in, name, source);
  }
}
