package eu.skillsobservatory.analytics.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Label matching and fast-mode ranking on a handful of skills, with a toy stemmer. */
class SkillExtractorTest {
  static final String PM = "urn:skill:project-management";
  static final String JAVA = "urn:skill:java";
  static final String STAFF = "urn:skill:manage-staff";
  static final String CPP = "urn:skill:cpp";
  static final String WELD = "urn:skill:welding";
  static final String ARC = "urn:skill:arc-welding";

  /** Drops a final "s", "ing" or "ment"; stop words: the, of, a. */
  static final WordForms TOY =
      new WordForms() {
        @Override
        public String stem(String w, String language) {
          for (String suffix : List.of("ment", "ing", "s")) {
            if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
              return w.substring(0, w.length() - suffix.length());
            }
          }
          return w;
        }

        @Override
        public boolean isStopWord(String w, String language) {
          return Set.of("the", "of", "a").contains(w);
        }
      };

  static SkillInfo skill(String uri, String pref, String... alts) {
    List<SkillLabel> labels = new ArrayList<>();
    labels.add(new SkillLabel(uri, pref, LabelKind.PREFERRED, "en"));
    for (String a : alts) {
      labels.add(new SkillLabel(uri, a, LabelKind.ALTERNATIVE, "en"));
    }
    labels.add(new SkillLabel(uri, "DE " + pref, LabelKind.PREFERRED, "de"));
    return new SkillInfo(uri, pref, "skill/competence", "cross-sector", labels);
  }

  static final SkillTable TABLE =
      new SkillTable(
          List.of(
              skill(PM, "project management", "manage projects"),
              skill(JAVA, "Java (computer programming)", "Java"),
              skill(STAFF, "manage staff"),
              skill(CPP, "C++"),
              skill(WELD, "welding"),
              skill(ARC, "arc welding")));

  final SkillExtractor fast =
      new SkillExtractor(
          new LexicalMatcher(TABLE, TOY),
          Optional.empty(),
          Optional.empty(),
          SkillExtractor.Settings.TUNED);

  List<String> uris(Extraction x) {
    return x.skills().stream().map(ExtractedSkill::uri).toList();
  }

  /**
   * A toy embedder: the weights of two topics a text's words (lower case) belong to, beside a
   * constant 0.1, as a unit vector.
   */
  static TextEmbedder topics(Function<String, float[]> topics) {
    return new TextEmbedder() {
      @Override
      public String model() {
        return "topics";
      }

      @Override
      public int dimension() {
        return 3;
      }

      @Override
      public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
          float[] t = topics.apply(texts.get(i).toLowerCase());
          float n = (float) Math.sqrt(t[0] * t[0] + t[1] * t[1] + 0.01f);
          out[i] = new float[] {t[0] / n, t[1] / n, 0.1f / n};
        }
        return out;
      }
    };
  }

  /** Full mode with this embedder over the English labels of {@link #TABLE}. */
  static SkillExtractor fullWith(TextEmbedder embedder, SkillExtractor.Settings settings) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < TABLE.labelCount(); id++) {
      if (TABLE.label(id).language().equals("en")) {
        ids.add(id);
      }
    }
    VectorIndex index =
        VectorIndex.build(
            embedder.embed(ids.stream().map(id -> TABLE.label(id).label()).toList()),
            ids.stream().mapToInt(TABLE::skillOf).toArray(),
            ids.stream().mapToInt(Integer::intValue).toArray(),
            TABLE.size());
    return new SkillExtractor(
        new LexicalMatcher(TABLE, TOY), Optional.of(embedder), Optional.of(index), settings);
  }

  @Test
  void labelsAreFoundWhateverTheirCaseInflectionAndStopWords() {
    Extraction x =
        fast.extract(
            "Manage the STAFFS of a shop; JAVA and c++ wanted", "en", ExtractionMode.FAST, 10);
    assertThat(uris(x)).containsExactlyInAnyOrder(STAFF, JAVA, CPP);
    ExtractedSkill staff = x.skills().stream().filter(s -> s.uri().equals(STAFF)).findFirst().get();
    assertThat(staff.span().of(x.text())).isEqualTo("Manage the STAFFS");
    assertThat(staff.matchedLabel()).isEqualTo("manage staff");
    ExtractedSkill cpp = x.skills().stream().filter(s -> s.uri().equals(CPP)).findFirst().get();
    assertThat(cpp.span().of(x.text())).isEqualTo("c++");
  }

  @Test
  void theTextMaySkipNoMoreStopWordsThanTheLabelHas() {
    SkillTable t =
        new SkillTable(List.of(skill("urn:skill:product-quality", "quality of product")));
    SkillExtractor x =
        new SkillExtractor(
            new LexicalMatcher(t, TOY),
            Optional.empty(),
            Optional.empty(),
            SkillExtractor.Settings.TUNED);
    assertThat(x.extract("quality of the product", "en", ExtractionMode.FAST, 5).skills())
        .isEmpty();
    assertThat(x.extract("quality of product", "en", ExtractionMode.FAST, 5).skills()).hasSize(1);
    assertThat(x.extract("product quality", "en", ExtractionMode.FAST, 5).skills()).hasSize(1);
  }

  @Test
  void wordOrderIsFreeForShortLabelsButInOrderRanksHigher() {
    Extraction x = fast.extract("management of projects", "en", ExtractionMode.FAST, 10);
    assertThat(uris(x)).containsExactly(PM);
    double free = x.skills().get(0).score();
    double inOrder =
        fast.extract("project management", "en", ExtractionMode.FAST, 10).skills().get(0).score();
    assertThat(inOrder).isGreaterThan(free);
  }

  @Test
  void aLabelInsideALongerLabelOfAnotherSkillRanksBelowIt() {
    Extraction x = fast.extract("arc welding", "en", ExtractionMode.FAST, 10);
    assertThat(uris(x)).containsExactly(ARC, WELD);
  }

  @Test
  void boilerplateIsIgnored() {
    Extraction x =
        fast.extract(
            "You will weld frames.\nWe offer project management training and a pension plan.",
            "en",
            ExtractionMode.FAST,
            10);
    assertThat(uris(x)).doesNotContain(PM);
  }

  @Test
  void otherLoadedLanguagesMatchTheirOwnLabelsAndOutputTheirLabel() {
    Extraction x = fast.extract("Wir suchen: DE manage staff", "de", ExtractionMode.FAST, 10);
    assertThat(uris(x)).containsExactly(STAFF);
    assertThat(x.skills().get(0).label()).isEqualTo("DE manage staff");
  }

  @Test
  void aLanguageWithoutLabelsIsSaidSo() {
    Extraction x = fast.extract("gestion de projet", "fr", ExtractionMode.FAST, 10);
    assertThat(x.skills()).isEmpty();
    assertThat(x.notices())
        .singleElement()
        .asString()
        .contains("no ESCO labels are loaded in 'fr'");
  }

  @Test
  void theListUnderABenefitsHeadingNamesNoSkill() {
    String tasks = "Your tasks:\n- welding of frames\n";
    String perks = "- Java courses paid by us\n- free lunch\n";
    Extraction offered =
        fast.extract("What we offer:\n" + perks + tasks, "en", ExtractionMode.FAST, 10);
    assertThat(uris(offered)).contains(WELD).doesNotContain(JAVA);
    // The same list under no such heading is read.
    Extraction plain = fast.extract("Training:\n" + perks + tasks, "en", ExtractionMode.FAST, 10);
    assertThat(uris(plain)).contains(WELD, JAVA);
    // The list ends where a line is no item: what follows is read again.
    Extraction after =
        fast.extract("Benefits:\n- free lunch\nWe use Java daily.", "en", ExtractionMode.FAST, 10);
    assertThat(uris(after)).contains(JAVA);
  }

  @Test
  void fullModeWithoutAModelSaysItFellBackToLabels() {
    Extraction x = fast.extract("java", "en", ExtractionMode.FULL, 10);
    assertThat(uris(x)).containsExactly(JAVA);
    assertThat(x.notices()).contains("no embedding model is available; label matching only");
  }

  @Test
  void emptyAndOversizedTextsAreHandled() {
    assertThat(fast.extract("", "en", ExtractionMode.FAST, 10).skills()).isEmpty();
    String huge = "x".repeat(SkillExtractor.MAX_TEXT + 1);
    assertThatThrownBy(() -> fast.extract(huge, "en", ExtractionMode.FAST, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the 10,000,000 accepted");
  }

  @Test
  void fullModeAddsSkillsFoundByMeaning() {
    // A toy embedder: a text's vector says which of two topics its words belong to.
    SkillExtractor full =
        fullWith(
            topics(
                t ->
                    new float[] {
                      t.contains("project") || t.contains("deadline") ? 1 : 0,
                      t.contains("weld") || t.contains("metal") ? 1 : 0
                    }),
            SkillExtractor.Settings.TUNED);
    Extraction x = full.extract("You join metal fabrication.", "en", ExtractionMode.FULL, 3);
    assertThat(uris(x)).contains(WELD, ARC).doesNotContain(JAVA);
    assertThat(x.skills().get(0).evidence()).isEqualTo("meaning");
    assertThat(x.skills().get(0).span().of(x.text())).isEqualTo("You join metal fabrication");
    assertThat(x.method()).isEqualTo(Extraction.LABELS_AND_MEANING);

    // The model and the label vectors are English: another language is matched by its labels,
    // and the answer says so.
    Extraction other = full.extract("Sie schweißen Metall.", "de", ExtractionMode.FULL, 3);
    assertThat(other.method()).isEqualTo(Extraction.LABELS);
    assertThat(other.skills()).noneMatch(k -> k.evidence().equals("meaning"));
    assertThat(other.notices())
        .anySatisfy(n -> assertThat(n).contains("English only").contains("'de'"));
  }

  @Test
  void aSkillTheSentenceNamesInAFewWordsRanksAboveOneItIsMerelyAbout() {
    // A toy embedder counting the words of two topics: the whole sentence is about projects, one
    // word of it about welding.
    TextEmbedder counting =
        topics(
            t -> {
              float[] v = new float[2];
              for (String w : t.split("\\W+")) {
                v[0] += w.startsWith("project") || w.startsWith("deadline") ? 1 : 0;
                v[1] += w.startsWith("weld") || w.equals("metal") ? 1 : 0;
              }
              return v;
            });
    String text = "Projects, deadlines and more project deadlines, and welding.";
    SkillExtractor wholeOnly = fullWith(counting, SkillExtractor.Settings.TUNED.with("spans=0"));
    // As a whole the sentence is about projects: project management, found by meaning alone,
    // ranks above welding, whose label the sentence spells.
    assertThat(uris(wholeOnly.extract(text, "en", ExtractionMode.FULL, 2)))
        .containsExactly(PM, WELD);
    // Its span "welding" is welding itself: with spans, welding ranks first.
    SkillExtractor withSpans = wholeOnly.with(SkillExtractor.Settings.TUNED);
    Extraction x = withSpans.extract(text, "en", ExtractionMode.FULL, 2);
    assertThat(uris(x)).containsExactly(WELD, PM);
    assertThat(x.skills().get(1).evidence()).isEqualTo("meaning");
  }
}
