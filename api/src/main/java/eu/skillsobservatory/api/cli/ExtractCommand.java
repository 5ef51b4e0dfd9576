package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.SkillExtractor;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.extract.ExtractionService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract}: one text per line of standard input, one JSON object per line of output, in the
 * same order, so that output line N always answers input line N. A line that cannot be taken (not
 * UTF-8, JSON instead of text, too long) is answered with an {@code error} object and named on
 * standard error; the exit code is then 2, after every other line was answered.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Find ESCO skills in text: one text per line of standard input, one JSON object per",
      "output line: {\"text\":..., \"skills\":[{\"uri\",\"label\",\"score\",\"span\"...}]}."
    })
public class ExtractCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--lang",
      defaultValue = "en",
      description = "Language of the text (default: en).")
  String lang;

  @Option(names = "--top", defaultValue = "10", description = "Skills per text (default: 10).")
  int top;

  @Option(
      names = "--extraction",
      description = "full (labels and meaning, default) or fast (labels only).")
  String mode = "full";

  /** The name {@code --extraction} had before, kept for scripts that use it. */
  @Option(names = "--mode", hidden = true, paramLabel = "MODE")
  void oldModeName(String value) {
    this.mode = value;
  }

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or table.")
  String format;

  @Mixin VersionOption version;

  private static final JsonMapper LINES = JsonConfiguration.lineMapper();

  /** Bytes per line at most (UTF-8 of the longest text accepted). */
  static final int MAX_LINE_BYTES = SkillExtractor.MAX_TEXT * 2;

  /** Stands for a line longer than {@link #MAX_LINE_BYTES}, of which nothing was kept. */
  private static final byte[] TOO_LONG = new byte[0];

  @Override
  public Integer call() throws IOException {
    String fmt = Output.format(format, "jsonl", "table");
    ExtractionMode m = ExtractionMode.parse(mode);
    if (top < 1 || top > 1000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top: 1 to 1000");
    }
    ObservatoryCommand root = (ObservatoryCommand) spec.root().userObject();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int bad = 0;
    try (CommandRuntime runtime = root.start("extract", false, Map.of())) {
      SkillExtractor extractor =
          runtime
              .bean(ExtractionService.class)
              .extractor(version.version(), m == ExtractionMode.FULL, ConsoleProgress.forStderr());
      InputStream in = System.in;
      int lineNo = 0;
      byte[] line;
      while ((line = readLine(in)) != null) {
        lineNo++;
        String problem = null;
        String text = null;
        if (line == TOO_LONG) {
          problem =
              String.format(
                  Locale.ROOT, "more than %,d characters; split the text", SkillExtractor.MAX_TEXT);
        } else {
          try {
            text =
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
            if (text.endsWith("\r")) {
              text = text.substring(0, text.length() - 1);
            }
            if (looksLikeJson(text)) {
              problem = "this is JSON; extract reads plain text, one text per line";
            }
          } catch (CharacterCodingException e) {
            problem = "not valid UTF-8";
          }
        }
        if (problem != null) {
          bad++;
          err.println("stdin: line " + lineNo + ": " + problem);
          err.flush();
          Map<String, Object> error = new LinkedHashMap<>();
          error.put("line", lineNo);
          error.put("error", problem);
          out.println(LINES.writeValueAsString(error));
          out.flush();
          continue;
        }
        Extraction x;
        try {
          x = extractor.extract(text, lang, m, top);
        } catch (IllegalArgumentException e) {
          bad++;
          err.println("stdin: line " + lineNo + ": " + e.getMessage());
          out.println(LINES.writeValueAsString(Map.of("line", lineNo, "error", e.getMessage())));
          continue;
        }
        if (text.isBlank()) {
          x = new Extraction(text, List.of(), List.of("empty text"));
        }
        out.println(fmt.equals("table") ? table(x) : LINES.writeValueAsString(x));
        out.flush();
      }
    }
    return bad == 0 ? 0 : 2;
  }

  private static boolean looksLikeJson(String text) {
    String t = text.strip();
    return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"));
  }

  /** One line's bytes without the line feed; past the limit, the rest of the line is skipped. */
  static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(256);
    int c;
    boolean any = false;
    boolean tooLong = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (b.size() <= MAX_LINE_BYTES) {
        b.write(c);
      } else {
        tooLong = true;
      }
    }
    if (!any) {
      return null;
    }
    return tooLong ? TOO_LONG : b.toByteArray();
  }

  private static String table(Extraction x) {
    StringBuilder s = new StringBuilder();
    for (ExtractedSkill k : x.skills()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%.3f  %-40s  %-30s  %s%n",
              k.score(),
              k.label(),
              '"' + k.span().of(x.text()) + '"',
              k.uri()));
    }
    x.notices().forEach(n -> s.append("note: ").append(n).append('\n'));
    return s.append("--").toString();
  }
}
