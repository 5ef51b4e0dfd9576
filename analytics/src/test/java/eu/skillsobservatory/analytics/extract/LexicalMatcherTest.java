package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The label matcher against a brute-force reading of the same labels, at a size where it counts.
 */
class LexicalMatcherTest {
  @Test
  void everyLabelOfTwoToFourWordsIsFoundInAnyOrderAndNothingElse() {
    Random r = new Random(5);
    List<SkillInfo> skills = new ArrayList<>();
    for (int s = 0; s < 3_000; s++) {
      List<String> words = new ArrayList<>();
      int size = 2 + r.nextInt(3);
      while (words.size() < size) {
        String w = "w" + r.nextInt(300);
        if (!words.contains(w)) {
          words.add(w);
        }
      }
      String uri = "urn:skill:" + s;
      skills.add(
          new SkillInfo(
              uri,
              String.join(" ", words),
              "skill/competence",
              "cross-sector",
              List.of(new SkillLabel(uri, String.join(" ", words), LabelKind.PREFERRED, "en"))));
    }
    SkillTable table = new SkillTable(skills);
    LexicalMatcher matcher = new LexicalMatcher(table, WordForms.NONE);
    int found = 0;
    for (int t = 0; t < 150; t++) {
      String[] text = new String[40];
      for (int i = 0; i < text.length; i++) {
        text[i] = "w" + r.nextInt(300);
      }
      if (t % 3 == 0) { // a label planted, its words shuffled
        String[] label = table.label(r.nextInt(table.labelCount())).label().split(" ");
        List<String> shuffled = new ArrayList<>(Arrays.asList(label));
        Collections.shuffle(shuffled, r);
        for (int k = 0; k < shuffled.size(); k++) {
          text[10 + k] = shuffled.get(k);
        }
      }
      Set<String> expected = new HashSet<>();
      int[] start = new int[text.length];
      for (int i = 1; i < text.length; i++) {
        start[i] = start[i - 1] + text[i - 1].length() + 1;
      }
      for (int id = 0; id < table.labelCount(); id++) {
        String[] label = table.label(id).label().split(" ");
        Arrays.sort(label);
        for (int i = 0; i + label.length <= text.length; i++) {
          String[] window = Arrays.copyOfRange(text, i, i + label.length);
          Arrays.sort(window);
          if (Arrays.equals(window, label)) {
            expected.add(id + "@" + start[i]);
          }
        }
      }
      Set<String> hits = new HashSet<>();
      for (LexicalMatcher.Hit h : matcher.match(String.join(" ", text), "en")) {
        hits.add(h.label() + "@" + h.start());
      }
      assertThat(hits).as("text %d", t).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).as("labels found in all").isGreaterThan(100);
  }
}
