package eu.skillsobservatory.api.rows;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** One input of an ingest: a name for reports, and how to read it in some schema into a sink. */
public interface RowInput {
  String name();

  /** The file read, when the input is one (a load of it can then be resumed). */
  default Optional<Path> path() {
    return Optional.empty();
  }

  /** Reads the input within the given limits. */
  <T> RowFiles.ReadReport read(
      RowFiles.Schema<T> schema, RowFiles.Sink<T> sink, Progress progress, RowFiles.Limits limits);

  /** Reads the input within the default limits. */
  default <T> RowFiles.ReadReport read(
      RowFiles.Schema<T> schema, RowFiles.Sink<T> sink, Progress progress) {
    return read(schema, sink, progress, RowFiles.Limits.DEFAULT);
  }

  static RowInput file(Path file) {
    return new RowInput() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public Optional<Path> path() {
        return Optional.of(file);
      }

      @Override
      public <T> RowFiles.ReadReport read(
          RowFiles.Schema<T> schema,
          RowFiles.Sink<T> sink,
          Progress progress,
          RowFiles.Limits limits) {
        return RowFiles.read(file, schema, sink, progress, limits);
      }
    };
  }

  /** A stream such as a request body; rows without a source get {@code source}. */
  static RowInput stream(InputStream in, String name, String source) {
    return new RowInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public <T> RowFiles.ReadReport read(
          RowFiles.Schema<T> schema,
          RowFiles.Sink<T> sink,
          Progress progress,
          RowFiles.Limits limits) {
        return RowFiles.read(in, name, source, -1, schema, sink, progress, limits);
      }
    };
  }
}
