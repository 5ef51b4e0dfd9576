package eu.skillsobservatory.analytics.progress;

/**
 * Receives the progress of long work (a load, an index run) so that a terminal can draw a bar and a
 * server can log or expose it. Implementations must be cheap: they are called often.
 */
public interface Progress {

  /** Long work begins; {@code total} is in {@code unit}s, or -1 when unknown. */
  void start(String task, String unit, long total);

  /**
   * Work has advanced.
   *
   * @param done the amount done so far, in the unit given to {@link #start}
   * @param items the items (rows, triples) handled so far, for the rate
   */
  void advance(long done, long items);

  /** The work ended; {@code summary} says how it went. */
  void finish(String summary);

  /** A progress that shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, String unit, long total) {}

        @Override
        public void advance(long done, long items) {}

        @Override
        public void finish(String summary) {}
      };
}
