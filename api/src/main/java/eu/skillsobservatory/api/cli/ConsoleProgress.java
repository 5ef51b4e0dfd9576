package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.progress.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows long work on standard error: a bar redrawn in place on a terminal (amount, rate, ETA), a
 * plain line every few seconds otherwise (logs, CI, pipes).
 */
public final class ConsoleProgress implements Progress {
  private static final long TERMINAL_EVERY_MS = 200;
  private static final long LOG_EVERY_MS = 5_000;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private String task = "";
  private String unit = "";
  private long total = -1;
  private long startNanos;
  private long lastDraw;
  private long done;
  private long items;

  ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  public static ConsoleProgress forStderr() {
    return new ConsoleProgress(System.err, System.console() != null);
  }

  @Override
  public synchronized void start(String task, String itemUnit, long totalWork) {
    this.task = task;
    this.unit = itemUnit;
    this.total = totalWork;
    this.startNanos = System.nanoTime();
    this.lastDraw = System.currentTimeMillis();
    this.done = 0;
    this.items = 0;
    if (!terminal) {
      out.println(task + " ...");
    }
  }

  @Override
  public synchronized void advance(long done, long items) {
    this.done = done;
    this.items = items;
    long now = System.currentTimeMillis();
    if (now - lastDraw >= (terminal ? TERMINAL_EVERY_MS : LOG_EVERY_MS)) {
      lastDraw = now;
      String line = line();
      if (terminal) {
        out.print("\r" + line + "\u001B[K");
      } else {
        out.println(line);
      }
      out.flush();
    }
  }

  @Override
  public synchronized void finish(String summary) {
    ownLine(summary);
  }

  @Override
  public synchronized void note(String line) {
    ownLine(line);
  }

  /** A line of its own: on a terminal, the bar's line cleared first. */
  private void ownLine(String text) {
    if (terminal) {
      out.print("\r\u001B[K");
    }
    out.println(text);
    out.flush();
  }

  String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long rate = (long) (items / seconds);
    StringBuilder b = new StringBuilder(task).append(' ');
    if (total > 0) {
      double f = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(f * WIDTH);
      b.append('[')
          .append("=".repeat(filled))
          .append(filled < WIDTH ? ">" : "")
          .append(" ".repeat(Math.max(0, WIDTH - filled - 1)))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3.0f%% ", f * 100));
      String eta = f > 0.01 ? duration((long) (seconds * (1 - f) / f)) : "?";
      b.append(String.format(Locale.ROOT, "%,d %s  %,d/s  ETA %s", items, unit, rate, eta));
    } else {
      b.append(String.format(Locale.ROOT, "%,d %s  %,d/s", items, unit, rate));
    }
    return b.toString();
  }

  private static String duration(long s) {
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
