package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.provenance.Dataset;
import eu.skillsobservatory.analytics.provenance.Datasets;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets loaded, in the Elasticsearch index {@code datasets} (shared by every instance on a
 * cluster): one document per name, updated by each load into it. Removing a dataset deletes its
 * vacancies too.
 */
final class DatasetIndex implements Datasets {
  static final String INDEX = "datasets";
  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "name":{"type":"keyword"},"kind":{"type":"keyword"},"synthetic":{"type":"boolean"},
        "loadedAt":{"type":"date"},"escoVersion":{"type":"keyword"},
        "extractionMode":{"type":"keyword"},"files":{"type":"keyword"},"rows":{"type":"long"}}}}
      """;

  private final SearchConnection connection;
  private final ElasticsearchClient es;

  DatasetIndex(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
  }

  private void ensure() throws IOException {
    connection.createIfMissing(INDEX, MAPPING);
  }

  @Override
  public Dataset record(Dataset load) {
    try {
      ensure();
      Optional<Dataset> old = get(load.name());
      Dataset merged = load;
      if (old.isPresent()) {
        LinkedHashSet<String> files = new LinkedHashSet<>(old.get().files());
        files.addAll(load.files());
        merged =
            new Dataset(
                load.name(),
                load.kind(),
                load.synthetic() || old.get().synthetic(),
                load.loadedAt(),
                load.escoVersion(),
                load.extractionMode(),
                new ArrayList<>(files),
                old.get().rows() + load.rows());
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("name", merged.name());
      doc.put("kind", merged.kind());
      doc.put("synthetic", merged.synthetic());
      doc.put("loadedAt", merged.loadedAt().toString());
      doc.put("escoVersion", merged.escoVersion());
      doc.put("extractionMode", merged.extractionMode());
      doc.put("files", merged.files());
      doc.put("rows", merged.rows());
      connection.withRetries(
          "recording a dataset",
          () -> es.index(i -> i.index(INDEX).id(load.name()).document(doc).refresh(Refresh.True)));
      connection.dataChanged();
      return merged;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot record the dataset: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Dataset> list() {
    try {
      ensure();
      var r =
          connection.withRetries(
              "reading the datasets",
              () ->
                  es.search(
                      s -> s.index(INDEX).size(10_000).sort(o -> o.field(f -> f.field("name"))),
                      Map.class));
      List<Dataset> out = new ArrayList<>();
      r.hits().hits().forEach(h -> out.add(dataset(h.source())));
      return out;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot read the datasets: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Dataset> get(String name) {
    try {
      ensure();
      var r =
          connection.withRetries(
              "reading a dataset", () -> es.get(g -> g.index(INDEX).id(name), Map.class));
      return r.found() ? Optional.of(dataset(r.source())) : Optional.empty();
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot read the dataset: " + e.getMessage(), e);
    }
  }

  /**
   * Removes a dataset: its vacancies, then its record. Duplicates elsewhere that pointed to its
   * vacancies keep their mark.
   *
   * @return the vacancies deleted
   */
  @Override
  public long delete(String name) {
    try {
      ensure();
      long deleted = 0;
      List<FieldValue> after = null;
      // Pages of ids in (source, id) order, deleted in bulk; one refresh at the end. (The
      // delete-by-query API is a module the embedded node does not have.)
      while (true) {
        List<FieldValue> from = after;
        var page =
            connection.withRetries(
                "reading a dataset's vacancies",
                () ->
                    es.search(
                        s -> {
                          s.index(VacancyIndex.ALIAS)
                              .size(PAGE)
                              .source(x -> x.fetch(false))
                              .query(
                                  q -> q.term(t -> t.field("dataset").value(FieldValue.of(name))))
                              .sort(o -> o.field(f -> f.field("source")))
                              .sort(o -> o.field(f -> f.field("id")));
                          if (from != null) {
                            s.searchAfter(from);
                          }
                          return s;
                        },
                        Void.class));
        var hits = page.hits().hits();
        if (hits.isEmpty()) {
          break;
        }
        var bulk =
            connection.withRetries(
                "deleting a dataset's vacancies",
                () ->
                    es.bulk(
                        b -> {
                          for (var h : hits) {
                            b.operations(o -> o.delete(d -> d.index(h.index()).id(h.id())));
                          }
                          return b;
                        }));
        for (var item : bulk.items()) {
          if (item.error() == null) {
            deleted++;
          }
        }
        after = hits.get(hits.size() - 1).sort();
      }
      es.indices().refresh(r -> r.index(VacancyIndex.ALIAS));
      connection.withRetries(
          "deleting a dataset",
          () -> es.delete(d -> d.index(INDEX).id(name).refresh(Refresh.True)));
      connection.vacanciesChanged();
      return deleted;
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot delete the dataset: " + e.getMessage(), e);
    }
  }

  static final int PAGE = 5_000;

  @SuppressWarnings("unchecked")
  private static Dataset dataset(Object source) {
    Map<String, Object> d = (Map<String, Object>) source;
    Object rows = d.get("rows");
    return new Dataset(
        (String) d.get("name"),
        (String) d.get("kind"),
        Boolean.TRUE.equals(d.get("synthetic")),
        Instant.parse((String) d.get("loadedAt")),
        (String) d.get("escoVersion"),
        (String) d.get("extractionMode"),
        d.get("files") == null ? List.of() : (List<String>) d.get("files"),
        rows == null ? 0 : ((Number) rows).longValue());
  }
}
