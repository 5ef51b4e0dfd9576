package eu.skillsobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules a reader relies on (STYLE.md, issue 19), over the main sources of every module:
 * no file over 400 lines, no method or constructor over 80 (from its first line to its closing
 * brace, as google-java-format lays them out).
 */
class HouseRulesTest {
  static final int MAX_FILE = 400;
  static final int MAX_METHOD = 80;
  // A member's first line: modifiers, a type (or none, for a constructor), a name, "(".
  static final Pattern MEMBER =
      Pattern.compile(
          "^  (?:  )*(?:@\\w+ )*(?:(?:public|protected|private|static|final|synchronized|default"
              + "|abstract|native) )*(?:<[^>]+> )?(?:[\\w.<>\\[\\],?]+(?: [\\w.<>\\[\\],?]+)* )?"
              + "\\w+\\(.*");
  static final Pattern NOT_A_MEMBER =
      Pattern.compile("^\\s*(?:return|new|if|for|while|switch|else|throw|try|catch|case)\\b.*");
  static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'");

  static List<Path> mainSources() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String module : List.of("analytics", "ingest", "api")) {
      try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void noMainFileIsOver400Lines() throws IOException {
    List<Path> sources = mainSources();
    assertThat(sources).hasSizeGreaterThan(100);
    List<String> long_ = new ArrayList<>();
    for (Path f : sources) {
      int lines = Files.readAllLines(f).size();
      if (lines > MAX_FILE) {
        long_.add(f + ": " + lines + " lines");
      }
    }
    assertThat(long_).isEmpty();
  }

  @Test
  void noMainMethodIsOver80Lines() throws IOException {
    List<String> long_ = new ArrayList<>();
    for (Path f : mainSources()) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String first = lines.get(i);
        if (!MEMBER.matcher(first).matches()
            || NOT_A_MEMBER.matcher(first).matches()
            || first.substring(0, first.indexOf('(')).contains("=")) {
          continue;
        }
        int length = bodyLength(lines, i);
        if (length > MAX_METHOD) {
          long_.add(f + ":" + (i + 1) + " " + first.strip() + " (" + length + " lines)");
        }
      }
    }
    assertThat(long_).isEmpty();
  }

  /** Lines from {@code start} to the brace that closes the body opened there; 0 when none opens. */
  static int bodyLength(List<String> lines, int start) {
    int depth = 0;
    boolean opened = false;
    for (int j = start; j < lines.size(); j++) {
      String line = STRING.matcher(lines.get(j)).replaceAll("\"\"");
      if (!opened && line.stripTrailing().endsWith(";") && !line.contains("{")) {
        return 0; // a declaration without a body, or a call
      }
      for (char c : line.toCharArray()) {
        if (c == '{') {
          depth++;
          opened = true;
        } else if (c == '}') {
          depth--;
        }
      }
      if (opened && depth <= 0) {
        return j - start + 1;
      }
    }
    return 0;
  }

  @Test
  void theMethodRuleMeasuresAMethodFromItsFirstLineToItsClosingBrace() {
    List<String> method = new ArrayList<>();
    method.add("  static int f(String a) {");
    for (int i = 0; i < 81; i++) {
      method.add("    a = a + \"}\";");
    }
    method.add("  }");
    method.add("}");
    assertThat(MEMBER.matcher(method.get(0)).matches()).isTrue();
    assertThat(bodyLength(method, 0)).isEqualTo(83);
    assertThat(MEMBER.matcher("  VacancyLoad(Parts parts, Request request) {").matches()).isTrue();
    assertThat(bodyLength(List.of("  abstract int g();"), 0)).isZero();
  }
}
