package eu.skillsobservatory.ingest.esco;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads that skip most of a concept's document (its collections; some concepts' labels in one
 * language) answer what the whole documents say, from CSV (plain labels) and from RDF in the
 * official dump's shape (skos-xl label nodes) alike.
 */
class PartialReadsTest {
  static final String UNKNOWN = "http://data.europa.eu/esco/skill/not-in-this-version";

  @TempDir Path dir;

  @Test
  void collectionsAndLabelsOfSomeConceptsAreThoseOfTheirDocuments() {
    try (TdbEscoStore store = TdbEscoStore.open(dir.resolve("tdb2"))) {
      EscoVersion csv = EscoVersion.parse("v9.9.1");
      EscoVersion rdf = EscoVersion.parse("v9.9.2");
      store.load(List.of(MiniEsco.folder()), Optional.of(csv), Progress.NONE);
      store.load(List.of(MiniEsco.turtle()), Optional.of(rdf), Progress.NONE);
      for (EscoVersion v : List.of(csv, rdf)) {
        SkillCatalog catalog = store.catalog();
        List<ConceptDocument> docs = new ArrayList<>();
        catalog.forEachConcept(v, docs::add);

        Map<String, Set<String>> collections = new TreeMap<>();
        Map<String, ConceptDocument.Labels> english = new HashMap<>();
        for (ConceptDocument d : docs) {
          d.collections()
              .forEach(c -> collections.computeIfAbsent(c, k -> new HashSet<>()).add(d.uri()));
          ConceptDocument.Labels en = d.labels().get("en");
          english.put(
              d.uri(),
              new ConceptDocument.Labels(en.preferred(), en.alternative(), en.hidden(), ""));
        }
        assertThat(collections).as(v.value()).isNotEmpty();
        assertThat(catalog.collections(v)).as(v.value()).isEqualTo(collections);

        List<String> asked = new ArrayList<>(english.keySet());
        asked.add(UNKNOWN);
        Map<String, ConceptDocument.Labels> labels = catalog.labels(v, asked, "en");
        assertThat(labels).as(v.value()).isEqualTo(english).hasSize(60);
        assertThat(labels.values()).anySatisfy(l -> assertThat(l.alternative()).isNotEmpty());
        String one = asked.get(0);
        assertThat(catalog.labels(v, List.of(one, one), "en")).containsOnlyKeys(one);
        assertThat(catalog.labels(v, List.of(one), "de")).isEmpty();
      }
    }
  }
}
