package eu.skillsobservatory.analytics.progress;

/**
 * Receives the progress of long work (a load, an index run) so that a terminal can draw a bar and a
 * server can log or expose it. Implementations must be cheap: they are called often.
 */
public interface Progress {

  /**
   * Long work begins.
   *
   * @param task what is being done, for people
   * @param itemUnit what the items are (triples, rows, documents)
   * @param totalWork how much work there is in all (bytes to read, say), or -1 when unknown
   */
  void start(String task, String itemUnit, long totalWork);

  /**
   * Work has advanced.
   *
   * @param done the work done so far, in the measure of {@code totalWork}
   * @param items the items handled so far, for the rate
   */
  void advance(long done, long items);

  /** The work ended; {@code summary} says how it went. */
  void finish(String summary);

  /**
   * A line for people about other work the current work waits for (a model being prepared, say),
   * leaving the current work's state as it is; nothing by default.
   */
  default void note(String line) {}

  /** A progress that shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, String itemUnit, long totalWork) {}

        @Override
        public void advance(long done, long items) {}

        @Override
        public void finish(String summary) {}
      };
}
