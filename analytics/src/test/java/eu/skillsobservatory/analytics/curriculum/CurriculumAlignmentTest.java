package eu.skillsobservatory.analytics.curriculum;

import static eu.skillsobservatory.analytics.fixtures.InMemoryCatalog.aCatalog;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.aPosting;
import static eu.skillsobservatory.analytics.fixtures.InMemoryPostings.postings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import eu.skillsobservatory.analytics.demand.DemandReport;
import eu.skillsobservatory.analytics.demand.EmergingReport;
import eu.skillsobservatory.analytics.demand.SkillRelations;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.extract.ExtractedSkill;
import eu.skillsobservatory.analytics.extract.Extraction;
import eu.skillsobservatory.analytics.extract.ExtractionMode;
import eu.skillsobservatory.analytics.extract.Extractions;
import eu.skillsobservatory.analytics.extract.Span;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.fixtures.InMemoryCatalog;
import eu.skillsobservatory.analytics.fixtures.InMemoryEmployment;
import eu.skillsobservatory.analytics.fixtures.InMemoryPostings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A curriculum against the demand of in-memory postings: coverage, what is missing, and why. */
class CurriculumAlignmentTest {
  static final String PYTHON = "http://data.europa.eu/esco/skill/python";
  static final String SQL = "http://data.europa.eu/esco/skill/sql";
  static final String GIT = "http://data.europa.eu/esco/skill/git";

  static final InMemoryCatalog CATALOG =
      aCatalog().skill(PYTHON, "Python").skill(SQL, "SQL").skill(GIT, "Git").build();

  /** 100 postings: 60 Python with SQL, 20 Git alone, 20 with no skill. */
  static final InMemoryPostings POSTINGS =
      postings()
          .add(60, aPosting().withSkills(PYTHON, SQL))
          .add(20, aPosting().withSkills(GIT))
          .add(20, aPosting());

  /** Finds a skill where its label appears in the outcome's text. */
  static final Extractions BY_LABEL =
      (text, language, mode, top, version) ->
          new Extraction(
              text,
              List.of(PYTHON, SQL, GIT).stream()
                  .filter(
                      uri ->
                          text.toLowerCase(Locale.ROOT)
                              .contains(
                                  CATALOG
                                      .concept(uri, "en", Optional.empty())
                                      .orElseThrow()
                                      .preferredLabel()
                                      .toLowerCase(Locale.ROOT)))
                  .map(uri -> new ExtractedSkill(uri, "", 1, new Span(0, 1), "", "label"))
                  .toList(),
              List.of());

  static CurriculumAlignment alignment() {
    DemandReport demand = new DemandReport(POSTINGS, CATALOG, InMemoryEmployment.employment());
    EmergingReport emerging = new EmergingReport(POSTINGS, demand, CATALOG, WordForms.NONE);
    SkillRelations relations = new SkillRelations(POSTINGS, demand, CATALOG);
    return new CurriculumAlignment(demand, emerging, relations, BY_LABEL, CATALOG);
  }

  @Test
  void coverageIsTheShareOfDemandTheCurriculumTeaches() {
    CurriculumAlignment.Alignment a =
        alignment()
            .align(
                List.of("Write programs in Python"),
                List.of(GIT),
                "en",
                ExtractionMode.FAST,
                Slice.ALL,
                10);
    assertThat(a.curriculum())
        .extracting(
            CurriculumAlignment.CurriculumSkill::uri, CurriculumAlignment.CurriculumSkill::origin)
        .containsExactly(tuple(GIT, "given"), tuple(PYTHON, "extracted"));
    // Demanded: Python 0.6, SQL 0.6, Git 0.2; taught: Python and Git, 0.8 of 1.4.
    assertThat(a.demanded()).isEqualTo(3);
    assertThat(a.coveredSkills()).isEqualTo(2);
    assertThat(a.coverage()).isCloseTo(0.8 / 1.4, offset(1e-3));
    assertThat(a.missingDemanded())
        .extracting(CurriculumAlignment.Missing::uri)
        .containsExactly(SQL);
  }

  @Test
  void aSkillThatGoesWithATaughtOneIsSuggestedWithTheReason() {
    CurriculumAlignment.Alignment a =
        alignment().align(List.of(), List.of(PYTHON), "en", ExtractionMode.FAST, Slice.ALL, 10);
    assertThat(a.suggestions()).extracting(CurriculumAlignment.Suggestion::uri).contains(SQL);
    assertThat(a.suggestions().get(0).because())
        .extracting(CurriculumAlignment.Reason::relation)
        .contains("co-occurrence");
  }

  @Test
  void aCurriculumThatNamesNoSkillIsRefused() {
    assertThatThrownBy(
            () ->
                alignment()
                    .align(
                        List.of("Be punctual"),
                        List.of(),
                        "en",
                        ExtractionMode.FAST,
                        Slice.ALL,
                        10))
        .hasMessageContaining("names no ESCO skill");
    assertThatThrownBy(
            () ->
                alignment()
                    .align(List.of(), List.of("python"), "en", ExtractionMode.FAST, Slice.ALL, 10))
        .hasMessageContaining("not an ESCO skill URI");
  }
}
