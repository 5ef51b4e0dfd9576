package eu.skillsobservatory.api.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Checks and renders the {@code --format} of a command. */
public final class Output {
  private Output() {}

  /**
   * Runs a command that reports one result: {@code --format json} prints it as JSON, {@code text}
   * as {@code text} writes it.
   *
   * @param command the command's name, for the home lock and the log
   */
  public static <T> int report(
      picocli.CommandLine.Model.CommandSpec spec,
      String command,
      String format,
      Function<CommandRuntime, T> work,
      BiConsumer<PrintWriter, T> text) {
    String fmt = format(format, "text", "json");
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    try (CommandRuntime runtime = root.start(command, false, Map.of())) {
      T result = work.apply(runtime);
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        out.println(EscoCommand.json(result));
      } else {
        text.accept(out, result);
      }
      out.flush();
    }
    return 0;
  }

  /** The format in lower case, if it is one of the allowed ones. */
  public static String format(String given, String... allowed) {
    String f = given == null ? allowed[0] : given.toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(f)) {
      throw new IllegalArgumentException(
          "--format: one of " + String.join(", ", allowed) + ", not '" + given + "'");
    }
    return f;
  }

  /** A plain aligned table. */
  public static String table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, header, width);
    for (List<String> row : rows) {
      line(b, row, width);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      b.append(
          i == 0 ? c + " ".repeat(width[i] - c.length()) : " ".repeat(width[i] - c.length()) + c);
      b.append(i < cells.size() - 1 ? "  " : "\n");
    }
  }
}
