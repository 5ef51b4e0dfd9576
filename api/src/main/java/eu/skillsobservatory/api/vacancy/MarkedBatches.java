package eu.skillsobservatory.api.vacancy;

import eu.skillsobservatory.analytics.vacancy.DuplicatePass;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rows of one input on their way through the near-duplicate pass, in file order: accepted rows
 * wait until a batch is full, rejected ones beside them so that a resume point never passes a row
 * not yet handed on. The originals of a batch are looked up while the batch before it is marked
 * (the store answers one while this thread decides the other), and every so many rows the window of
 * the pass is forgotten ({@link Window}).
 */
final class MarkedBatches {
  /** Vacancies fingerprinted and looked up together: one request to the store per batch. */
  static final int BATCH = 500;

  /**
   * Rows between two points where everything written is made visible to the store's readers and the
   * near-duplicate window is forgotten: the window's memory, against a short pause each time.
   */
  static final int SYNC_EVERY = 50_000;

  /** Where the rows of a batch go once marked, in line order. */
  interface Rows {
    /** A line rejected: nothing to write, its resume point may pass. */
    void rejected(long line);

    /** A vacancy marked, to enrich and write. */
    void marked(Vacancy v, long line, DuplicatePass.Mark m);

    /** A batch handed on whole. */
    void handedOn();
  }

  /**
   * Forgets the window of the pass every {@value #SYNC_EVERY} rows, across the inputs of a load:
   * {@code sync} makes every row handed on visible in the store first.
   */
  static final class Window {
    private final Runnable sync;
    private long since;

    Window(Runnable sync) {
      this.sync = sync;
    }
  }

  /** A batch whose originals are being looked up: its lines, its rows (null where rejected). */
  private record Pending(List<Long> lines, List<Vacancy> rows, DuplicatePass.LookUp lookUp) {}

  private final DuplicatePass near;
  private final Window window;
  private final Rows to;
  private final List<Vacancy> vacancies;
  private final List<Long> lines;
  private Pending pending;
  private long duplicates;

  MarkedBatches(DuplicatePass near, Window window, Rows to) {
    this.near = near;
    this.window = window;
    this.to = to;
    this.vacancies = new ArrayList<>(BATCH);
    this.lines = new ArrayList<>(BATCH);
  }

  /** A row: a vacancy, or null for a rejected line. */
  void add(Vacancy v, long line) {
    vacancies.add(v);
    lines.add(line);
    if (vacancies.size() >= BATCH) {
      send();
    }
  }

  /** The rest of the input: every row marked and handed on. */
  void finish() {
    if (!vacancies.isEmpty()) {
      send();
    }
    handOn();
  }

  /** Vacancies marked as near-duplicates so far. */
  long duplicates() {
    return duplicates;
  }

  /** Starts the look-up of the rows gathered, then marks and hands on the batch before them. */
  private void send() {
    Pending next =
        new Pending(
            List.copyOf(lines),
            new ArrayList<>(vacancies),
            near.lookUp(vacancies.stream().filter(Objects::nonNull).toList()));
    vacancies.clear();
    lines.clear();
    handOn();
    pending = next;
    if (window.since >= SYNC_EVERY) {
      // No look-up may be under way when the window is forgotten.
      handOn();
      window.sync.run();
      window.since = 0;
    }
  }

  /** Marks the pending batch's vacancies and hands them on, in line order. */
  private void handOn() {
    if (pending == null) {
      return;
    }
    Pending p = pending;
    pending = null;
    List<DuplicatePass.Mark> marks = near.mark(p.lookUp());
    int next = 0;
    for (int i = 0; i < p.rows().size(); i++) {
      Vacancy v = p.rows().get(i);
      long line = p.lines().get(i);
      if (v == null) {
        to.rejected(line);
        continue;
      }
      DuplicatePass.Mark m = marks.get(next++);
      if (m.duplicateOf() != null) {
        duplicates++;
      }
      to.marked(v, line, m);
    }
    to.handedOn();
    window.since += p.rows().size();
  }
}
