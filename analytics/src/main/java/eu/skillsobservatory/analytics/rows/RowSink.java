package eu.skillsobservatory.analytics.rows;

import eu.skillsobservatory.analytics.vacancy.Rejection;

/** Where the rows of an input go: each value with its line, or the reasons a row was rejected. */
public interface RowSink<T> {
  void accept(T value, long line);

  void reject(Rejection rejection);
}
