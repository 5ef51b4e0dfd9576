package eu.skillsobservatory.ingest.search;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.Concept;
import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptIndex;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A document Elasticsearch refuses is named by its URI, and the aliases stay where they were: the
 * catalog below claims English only but hands over a concept with German labels, which the strict
 * mapping refuses.
 */
@ExtendWith(EmbeddedNodeExtension.class)
class RefusedDocumentsIT {
  static final EscoVersion V = EscoVersion.parse("v0.0.1");
  static final String GOOD = "http://data.europa.eu/esco/skill/good";
  static final String BAD = "http://data.europa.eu/esco/skill/bad";

  @Test
  void aRefusedConceptIsReportedByUriAndNothingIsSwitched(SearchConnection es) throws Exception {
    EscoSearchIndex index = new EscoSearchIndex(es);
    ConceptIndex.IndexReport report = index.reindex(new TwoConcepts(), V, Progress.NONE);
    assertThat(report.failed()).singleElement().asString().startsWith(BAD + ": ");
    assertThat(report.documents()).isZero();
    assertThat(es.client().indices().exists(e -> e.index(EscoSearchIndex.alias(V))).value())
        .isFalse();
  }

  /** A catalog of one version whose second concept carries a language the summary omits. */
  private static final class TwoConcepts implements SkillCatalog {
    @Override
    public List<VersionSummary> versions() {
      return List.of(
          new VersionSummary(
              V, true, 2, 0, 0, 0, 0, 0, 0, 0, 10, List.of("en"), Instant.now(), List.of()));
    }

    @Override
    public Optional<EscoVersion> currentVersion() {
      return Optional.of(V);
    }

    @Override
    public Optional<Concept> concept(String uri, String language, Optional<EscoVersion> version) {
      return Optional.empty();
    }

    @Override
    public Map<String, List<String>> broader(EscoVersion version) {
      return Map.of();
    }

    @Override
    public VersionSnapshot snapshot(EscoVersion version, String language) {
      return new VersionSnapshot(V, Map.of(), Set.of());
    }

    @Override
    public void forEachConcept(EscoVersion version, Consumer<ConceptDocument> action) {
      action.accept(doc(GOOD, "en"));
      action.accept(doc(BAD, "de"));
    }

    private static ConceptDocument doc(String uri, String lang) {
      return new ConceptDocument(
          uri,
          ConceptType.SKILL,
          Map.of(lang, new ConceptDocument.Labels("label", List.of(), List.of(), "")),
          List.of(),
          "skill",
          null,
          null,
          null);
    }
  }
}
