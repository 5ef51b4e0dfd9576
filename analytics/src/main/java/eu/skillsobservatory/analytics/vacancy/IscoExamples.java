package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.text.TextClean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job titles ISCO-08 itself files under each unit group: the "Examples of the occupations
 * classified here" of a unit group's description ("- Security guard", "- Packer (hand)") and its
 * "Some related occupations classified elsewhere" with their codes ("- Notary - 2619"). This is the
 * ILO's own index of titles, shipped in ESCO's English descriptions of the ISCO groups; where an
 * ESCO alternative label files a common title under a group a coder would not choose ("security
 * officer" under security managers), the example says where ISCO puts it.
 */
public final class IscoExamples {
  private static final Pattern UNIT_GROUP = Pattern.compile("\\d{4}");
  private static final Pattern EXAMPLES =
      Pattern.compile(
          "Examples of the occupations classified here:(.*?)(?=Some related occupations|Note|$)",
          Pattern.DOTALL);
  private static final Pattern ELSEWHERE =
      Pattern.compile(
          "Some related occupations classified elsewhere:(.*?)(?=Note|$)", Pattern.DOTALL);
  private static final Pattern CODED_LINE = Pattern.compile("^(.*\\S)\\s+[-–]\\s+(\\d{4})\\W*$");
  private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)?");

  /** Folded title, its last word without a plural s, to the unit groups that list it. */
  private final Map<String, Set<String>> codes = new HashMap<>();

  /** The same for the parts of the unit groups' own names ("Gardeners", "van drivers"). */
  private final Map<String, Set<String>> names = new HashMap<>();

  private static final Pattern NAME_PARTS = Pattern.compile(",\\s*|\\s+and\\s+");
  private static final Pattern NOT_ELSEWHERE = Pattern.compile("(?i)\\s*not elsewhere classified");

  /**
   * Adds the parts of a unit group's name: "Car, taxi and van drivers" names car drivers, taxi
   * drivers and van drivers; "Gardeners, horticultural and nursery growers" gardeners; "Travel
   * consultants and clerks" travel clerks, not every clerk. A title the examples do not list is
   * looked up here.
   */
  public void addName(String code, String name) {
    if (code == null || !UNIT_GROUP.matcher(code).matches() || name == null) {
      return;
    }
    String[] parts = NAME_PARTS.split(NOT_ELSEWHERE.matcher(name).replaceAll("").strip());
    String[] first = parts[0].strip().split("\\s+");
    String[] last = parts[parts.length - 1].strip().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.contains(" ") || parts.length == 1) {
        put(names, p, code);
      } else if (i == parts.length - 1 && first.length > 1) {
        // "... consultants and clerks": the first part's modifiers apply.
        put(names, String.join(" ", Arrays.copyOf(first, first.length - 1)) + " " + p, code);
      } else {
        put(names, p, code);
        if (last.length > 1) {
          put(names, p + " " + last[last.length - 1], code);
        }
      }
    }
  }

  /**
   * Adds the examples of one ISCO group's English description; other groups than units add none.
   */
  public void add(String code, String description) {
    if (code == null || !UNIT_GROUP.matcher(code).matches() || description == null) {
      return;
    }
    Matcher m = EXAMPLES.matcher(description);
    if (m.find()) {
      for (String line : m.group(1).split("\n")) {
        String title = line.strip();
        if (title.startsWith("-") && !title.endsWith(";")) {
          put(codes, title.substring(1), code);
        }
      }
    }
    Matcher e = ELSEWHERE.matcher(description);
    if (e.find()) {
      for (String line : e.group(1).split("\n")) {
        Matcher coded = CODED_LINE.matcher(line.strip().replaceFirst("^-\\s*", ""));
        if (coded.matches()) {
          put(codes, coded.group(1), coded.group(2));
        }
      }
    }
  }

  private static void put(Map<String, Set<String>> into, String title, String code) {
    for (String variant : variants(BRACKETS.matcher(title).replaceAll(" "))) {
      String key = key(variant);
      if (!key.isEmpty()) {
        into.computeIfAbsent(key, k -> new TreeSet<>()).add(code);
      }
    }
  }

  /**
   * A title with a slash is two: "Security patrolman/woman" is a patrolman and a patrolwoman,
   * "TV/radio news producer" a TV and a radio news producer, "Talk show host/hostess" both.
   */
  static List<String> variants(String title) {
    String[] words = title.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      int slash = words[i].indexOf('/');
      if (slash > 0 && slash < words[i].length() - 1) {
        String first = words[i].substring(0, slash);
        String second = words[i].substring(slash + 1);
        if ((second.equals("woman") || second.equals("women")) && first.endsWith("man")) {
          second = first.substring(0, first.length() - 3) + second;
        } else if (first.contains("-")) {
          second = first.substring(0, first.lastIndexOf('-') + 1) + second;
        }
        List<String> out = new ArrayList<>();
        for (String w : List.of(first, second)) {
          String[] copy = words.clone();
          copy[i] = w;
          out.addAll(variants(String.join(" ", copy)));
        }
        return out;
      }
    }
    return List.of(title.strip());
  }

  /** Case, accents, punctuation and a plural s on the last word aside. */
  static String key(String title) {
    String folded = TextClean.fold(title);
    return folded.length() > 3 && folded.endsWith("s") && !folded.endsWith("ss")
        ? folded.substring(0, folded.length() - 1)
        : folded;
  }

  /** The unit groups ISCO lists this title under: none, one, or several when it is ambiguous. */
  public Set<String> codes(String title) {
    String key = key(title);
    Set<String> listed = codes.get(key);
    return listed != null ? listed : names.getOrDefault(key, Set.of());
  }

  /** How many titles are listed. */
  public int size() {
    return codes.size();
  }
}
