package eu.skillsobservatory.ingest.vacancy;

import static eu.skillsobservatory.analytics.fixtures.VacancyBuilder.vacancy;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import eu.skillsobservatory.analytics.vacancy.HeldOriginal;
import eu.skillsobservatory.analytics.vacancy.HeldOriginals;
import eu.skillsobservatory.analytics.vacancy.NearDuplicates;
import eu.skillsobservatory.analytics.vacancy.OccupationCoder;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.analytics.vacancy.VacancyRecord;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Vacancies written to a real embedded node, updated by source and id, counted. */
@ExtendWith(EmbeddedNodeExtension.class)
class VacancyIndexIT {
  static final String WELD =
      "http://data.europa.eu/esco/skill/9b7d5b25-4ec2-4a46-9b5c-4ce4b4d9ac30";

  static VacancyRecord record(String source, String id, String posted, String duplicateOf) {
    return vacancy(source, id)
        .posted(posted)
        .region("DE21")
        .sector("25")
        .occupation("7212")
        .title("Welder")
        .description("Weld frames.")
        .employer("ACME")
        .given(WELD)
        .evidence(new SkillEvidence(WELD, "extracted", 0.8, "description", 0, 4))
        .isco("7212")
        .duplicateOf(duplicateOf)
        .ingest("ingest-test")
        .record();
  }

  @BeforeEach
  void empty(SearchConnection es) throws Exception {
    es.client()
        .indices()
        .delete(d -> d.index(VacancyIndex.INDEX, VacancyIndex.RUNS).ignoreUnavailable(true));
  }

  @Test
  void theVacanciesIndexIsCreatedWithTheShardsConfigured(SearchConnection es) throws Exception {
    try (SearchConnection two =
        SearchConnection.connect(
            SearchConnection.Options.of(es.url().toString()).withVacancyShards(2))) {
      new VacancyIndex(two).ensure();
    }
    var settings =
        es.client().indices().getSettings(g -> g.index(VacancyIndex.INDEX)).get(VacancyIndex.INDEX);
    assertThat(settings.settings().index().numberOfShards()).isEqualTo("2");
    // An index that exists keeps its shards, whatever a later connection is set to.
    new VacancyIndex(es).ensure();
    assertThat(
            es.client()
                .indices()
                .getSettings(g -> g.index(VacancyIndex.INDEX))
                .get(VacancyIndex.INDEX)
                .settings()
                .index()
                .numberOfShards())
        .isEqualTo("2");
    assertThat(VacancyIndex.mapping(5)).contains("\"number_of_shards\":5,");
  }

  @Test
  void anIndexOfTheFirstMappingGainsTheNewFieldsInPlace(SearchConnection es) throws Exception {
    String first =
        VacancyIndex.MAPPING
            .replace("\"mappingVersion\":" + VacancyIndex.MAPPING_VERSION, "\"mappingVersion\":1")
            .replaceAll("\"escoOccupation\":[^}]*},", "")
            .replaceAll("\"occupationCoding\":[^}]*},", "")
            .replaceAll("\"occupationConfidence\":[^}]*},", "")
            .replaceAll("\"occupationMatch\":[^}]*},", "")
            .replaceAll("\"occupationResolvedBy\":[^}]*},", "");
    assertThat(first).doesNotContain("escoOccupation").doesNotContain("occupationMatch");
    es.client()
        .indices()
        .create(
            c ->
                c.index(VacancyIndex.INDEX)
                    .withJson(new StringReader(first))
                    .aliases(VacancyIndex.ALIAS, a -> a));
    VacancyRecord old = record("a", "1", "2024-01-10", null);
    VacancyRecord coded =
        vacancy("a", "2")
            .posted("2024-01-11")
            .title("Welder")
            .description("Weld frames.")
            .isco("7212")
            .coded(
                new OccupationCoder.Coding(
                    "http://data.europa.eu/esco/occupation/welder", "welder", 0.9))
            .ingest("ingest-test")
            .record();
    VacancyIndex index = new VacancyIndex(es);
    try (VacancyStore.Writer w = index.writer()) {
      w.write(old);
      w.write(coded);
      w.close();
      assertThat(w.refused()).isEmpty();
    }
    var doc =
        es.client()
            .get(
                g -> g.index(VacancyIndex.ALIAS).id(VacancyIndex.documentId(coded.vacancy())),
                Map.class)
            .source();
    assertThat(doc)
        .containsEntry("escoOccupation", "http://data.europa.eu/esco/occupation/welder")
        .containsEntry("occupationCoding", "title")
        .containsEntry("occupationConfidence", 0.9)
        .containsEntry("occupationMatch", "welder");
    var meta =
        es.client()
            .indices()
            .getMapping(m -> m.index(VacancyIndex.INDEX))
            .result()
            .get(VacancyIndex.INDEX)
            .mappings()
            .meta();
    assertThat(meta.get("mappingVersion").to(Integer.class))
        .isEqualTo(VacancyIndex.MAPPING_VERSION);
  }

  @Test
  void theSameSourceAndIdIsUpdatedAndDuplicatesAreCountedApart(SearchConnection es)
      throws Exception {
    VacancyIndex index = new VacancyIndex(es);
    index.setUp();
    index.setUp(); // idempotent
    try (VacancyStore.Writer w = index.writer()) {
      w.write(record("a", "1", "2024-01-10", null));
      w.write(record("a", "2", "2024-02-10", null));
      w.write(record("b", "9", "2024-02-11", "a/2"));
    }
    try (VacancyStore.Writer w = index.writer()) {
      w.write(record("a", "1", "2024-03-10", null)); // the same vacancy, moved to March
      assertThat(w.refused()).isEmpty();
    }
    index.recordRun(
        new VacancyStore.IngestRun(
            "run-1", null, "2026-01-01T00:00:00Z", 4L, null, null, null, null, List.of()));
    VacancyStore.Stats s = index.stats();
    assertThat(s.total()).isEqualTo(2);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.byMonth()).containsExactly(Map.entry("2024-02", 1L), Map.entry("2024-03", 1L));
    assertThat(s.bySource())
        .contains(new VacancyStore.SourceStats("b", 0, 1, 1.0))
        .contains(new VacancyStore.SourceStats("a", 2, 0, 0.0));
    assertThat(s.lastIngest().id()).isEqualTo("run-1");
    assertThat(s.lastIngest().rows()).isEqualTo(4L);
    var doc =
        es.client()
            .get(
                g ->
                    g.index(VacancyIndex.ALIAS)
                        .id(
                            VacancyIndex.documentId(
                                record("a", "1", "2024-03-10", null).vacancy())),
                Map.class)
            .source();
    assertThat(doc).containsEntry("naceSection", "C").containsEntry("iscoMajor", "7");
    assertThat(doc.get("skills")).isEqualTo(List.of(WELD));
    assertThat((List<?>) doc.get("evidence")).hasSize(2);
  }

  @Test
  void originalsAreFoundByTheirBandKeysAndOlderOnesAreGivenKeys(SearchConnection es)
      throws Exception {
    VacancyIndex index = new VacancyIndex(es);
    String print = Base64.getEncoder().encodeToString(new byte[60]);
    try (VacancyStore.Writer w = index.writer()) {
      w.write(
          vacancy("a", "1")
              .posted("2024-02-01")
              .fingerprint(print)
              .bands(List.of("k1", "k2"))
              .record());
      // A duplicate carries no keys; an original of an earlier version neither.
      w.write(
          vacancy("b", "1").posted("2024-02-02").fingerprint(print).duplicateOf("a/1").record());
      w.write(vacancy("c", "1").posted("2024-02-03").fingerprint(print).title("Old").record());
      w.sync();
      assertThat(index.originalsUnder(List.of("k2", "k9")))
          .extracting(HeldOriginal::key)
          .containsExactly("a/1");
      // The writer stays open after a sync.
      w.write(
          vacancy("d", "1").posted("2024-02-04").fingerprint(print).bands(List.of("k9")).record());
    }
    assertThat(index.originalsUnder(List.of("k2", "k9")))
        .extracting(HeldOriginal::key)
        .containsExactlyInAnyOrder("a/1", "d/1");
    // c/1 as a load before mapping version 9 left it: keys of the earlier form in "bands".
    es.client()
        .update(
            u ->
                u.index(VacancyIndex.ALIAS)
                    .id(VacancyIndex.documentId("c", "1"))
                    .doc(Map.of("bands", List.of("earlier-form")))
                    .refresh(Refresh.True),
            Map.class);
    assertThat(index.addMissingBands(o -> List.of("old-" + o.titleKey()), n -> {})).isEqualTo(1);
    assertThat(
            es.client()
                .get(
                    g -> g.index(VacancyIndex.ALIAS).id(VacancyIndex.documentId("c", "1")),
                    Map.class)
                .source())
        .as("the keys of the earlier form are emptied")
        .containsEntry("bands", List.of());
    assertThat(index.originalsUnder(List.of("earlier-form"))).isEmpty();
    HeldOriginal old =
        index.originalsUnder(List.of("old-" + NearDuplicates.titleKey("Old"))).get(0);
    assertThat(old.key()).isEqualTo("c/1");
    assertThat(old.print()).hasSize(60);
    assertThat(old.posted()).isEqualTo(LocalDate.of(2024, 2, 3));
    assertThat(index.addMissingBands(o -> List.of("again"), n -> {})).isZero();
  }

  @Test
  void aLoadSettlingWithAnotherReadsItsOriginalsAndMarksDuplicatesInPlace(SearchConnection es) {
    VacancyIndex index = new VacancyIndex(es);
    String print = Base64.getEncoder().encodeToString(new byte[60]);
    index.recordRun(
        new VacancyStore.IngestRun(
            "run-a", "2026-01-01T10:00:00Z", null, null, null, null, null, null, List.of()));
    index.recordRun(
        new VacancyStore.IngestRun(
            "run-old",
            "2025-01-01T10:00:00Z",
            "2025-01-01T11:00:00Z",
            1L,
            1L,
            0L,
            0L,
            null,
            List.of()));
    try (VacancyStore.Writer w = index.writer()) {
      for (int i = 0; i < 5; i++) {
        w.write(
            vacancy("a", "" + i)
                .fingerprint(print)
                .bands(List.of("k" + i))
                .ingest("run-a")
                .record());
      }
      w.write(vacancy("b", "0").fingerprint(print).bands(List.of("k0")).ingest("run-b").record());
      w.write(vacancy("c", "0").fingerprint(print).duplicateOf("a/0").ingest("run-b").record());
    }
    assertThat(index.runsBeside("run-b", Instant.parse("2026-01-01T10:30:00Z")))
        .as("a run started and not finished counts; one finished before does not")
        .containsExactly("run-a");
    List<String> pages = new ArrayList<>();
    index.forEachPageOfOriginals(
        "run-a", 2, page -> pages.add(page.stream().map(HeldOriginal::key).toList().toString()));
    assertThat(pages).containsExactly("[a/0, a/1]", "[a/2, a/3]", "[a/4]");
    assertThat(index.originalsUnder(List.of("k0"), List.of("run-b")))
        .extracting(HeldOriginal::key)
        .containsExactly("b/0");

    index.markDuplicates(
        List.of(
            new HeldOriginals.Demotion(
                index.originalsUnder(List.of("k0"), List.of("run-a")).get(0), "b/0")));
    assertThat(index.originalsUnder(List.of("k0")))
        .extracting(HeldOriginal::key)
        .containsExactly("b/0");
    assertThat(index.duplicateMarks())
        .containsEntry("a/0", "b/0")
        .as("its duplicates now point to its original")
        .containsEntry("c/0", "b/0");

    // Several at once, as a page of a settling pass writes them: a/1 to a/2, then a/2 (its new
    // original) to b/0; a/1, and what pointed to a/2 or to a/1, end at b/0, as one by one.
    List<HeldOriginal> held = index.originalsUnder(List.of("k1", "k2", "k3"), List.of("run-a"));
    HeldOriginal a1 = held.stream().filter(o -> o.key().equals("a/1")).findFirst().orElseThrow();
    HeldOriginal a2 = held.stream().filter(o -> o.key().equals("a/2")).findFirst().orElseThrow();
    try (VacancyStore.Writer w = index.writer()) {
      w.write(vacancy("d", "0").fingerprint(print).duplicateOf("a/2").ingest("run-b").record());
    }
    index.markDuplicates(
        List.of(new HeldOriginals.Demotion(a1, "a/2"), new HeldOriginals.Demotion(a2, "b/0")));
    assertThat(index.originalsUnder(List.of("k1", "k2", "k3")))
        .extracting(HeldOriginal::key)
        .containsExactly("a/3");
    assertThat(index.duplicateMarks())
        .containsEntry("a/1", "b/0")
        .containsEntry("a/2", "b/0")
        .containsEntry("d/0", "b/0")
        .containsEntry("c/0", "b/0");
  }
}
