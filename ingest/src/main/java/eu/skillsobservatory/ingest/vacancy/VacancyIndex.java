package eu.skillsobservatory.ingest.vacancy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import eu.skillsobservatory.analytics.vacancy.HeldOriginal;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import eu.skillsobservatory.ingest.search.HeldPages;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Vacancies in Elasticsearch, behind the alias {@code vacancies}: one document per source and id
 * (the document id is a digest of both, so a new ingest of the same vacancy replaces it), with its
 * sector, occupation, ISCO group, region, month and skills, and for every skill where it came from.
 * Ingest runs are recorded in {@code vacancy-ingests}.
 */
public final class VacancyIndex implements VacancyStore {
  public static final String ALIAS = "vacancies";
  static final String INDEX = "vacancies-v1";
  static final String RUNS = "vacancy-ingests";

  private final SearchConnection connection;
  private final ElasticsearchClient es;

  private final VacancyBands bands;

  VacancyIndex(SearchConnection connection) {
    this.connection = connection;
    this.es = connection.client();
    this.bands = new VacancyBands(connection, this);
  }

  static final int MAPPING_VERSION = 9;

  static final String MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","_meta":{"mappingVersion":9},"properties":{
        "source":{"type":"keyword"},"id":{"type":"keyword"},
        "posted":{"type":"date","format":"yyyy-MM-dd"},"month":{"type":"keyword"},
        "country":{"type":"keyword"},"region":{"type":"keyword"},
        "nace":{"type":"keyword"},"naceSection":{"type":"keyword"},
        "occupation":{"type":"keyword"},"occupationUnknown":{"type":"boolean"},
        "escoOccupation":{"type":"keyword"},"occupationCoding":{"type":"keyword"},
        "occupationConfidence":{"type":"float"},
        "occupationMatch":{"type":"keyword","index":false},
        "occupationResolvedBy":{"type":"keyword"},
        "isco":{"type":"keyword"},"iscoMajor":{"type":"keyword"},
        "title":{"type":"text","analyzer":"standard"},
        "description":{"type":"text","index":false},
        "language":{"type":"keyword"},"languageDetected":{"type":"boolean"},
        "employer":{"type":"keyword"},
        "phrases":{"type":"keyword"},"phrasesExtracted":{"type":"boolean"},"dataset":{"type":"keyword"},"synthetic":{"type":"boolean"},
        "skills":{"type":"keyword"},
        "skillsGiven":{"type":"keyword"},
        "skillsExtracted":{"type":"keyword"},
        "skillCollections":{"type":"keyword"},"skillGroups":{"type":"keyword"},
        "skillFactsVersion":{"type":"keyword"},
        "evidence":{"type":"object","enabled":false},
        "duplicate":{"type":"boolean"},"duplicateOf":{"type":"keyword"},
        "fingerprint":{"type":"keyword","index":false},
        "bands":{"type":"keyword","doc_values":false},
        "bandKeys":{"type":"keyword","doc_values":false},"titleKey":{"type":"integer","index":false},
        "ingest":{"type":"keyword"},"ingestedAt":{"type":"date"}}}}
      """;

  static final String RUNS_MAPPING =
      """
      {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
       "mappings":{"dynamic":"strict","properties":{
        "id":{"type":"keyword"},"startedAt":{"type":"date"},"finishedAt":{"type":"date"},
        "rows":{"type":"long"},"accepted":{"type":"long"},"rejected":{"type":"long"},
        "refused":{"type":"long"},"rejects":{"type":"keyword"},
        "files":{"type":"object","enabled":false}}}}
      """;

  /** The index's settings and mapping, with this many primary shards. */
  static String mapping(int shards) {
    return MAPPING.replaceFirst("\"number_of_shards\":1,", "\"number_of_shards\":" + shards + ",");
  }

  private volatile boolean ready;

  /**
   * The index set-up, once per adapter (again on the next call if Elasticsearch failed): creates
   * the index, its alias and the runs index when missing, brings an older mapping up to date.
   */
  public void ensure() {
    if (ready) {
      return;
    }
    setUp();
    ready = true;
  }

  /** Creates the index, its alias and the runs index when missing; does nothing otherwise. */
  void setUp() {
    try {
      boolean alias =
          connection.withRetries(
              "checking the vacancies alias",
              () -> es.indices().existsAlias(a -> a.name(ALIAS)).value());
      if (!alias) {
        es.indices()
            .create(
                c ->
                    c.index(INDEX)
                        .withJson(new StringReader(mapping(connection.vacancyShards())))
                        .aliases(ALIAS, a -> a));
        upgraded = true;
      } else if (!upgraded) {
        upgrade();
      }
      connection.createIfMissing(RUNS, RUNS_MAPPING);
    } catch (ElasticsearchException e) {
      if (!SearchConnection.alreadyExists(e)) {
        throw new SearchStoreException("cannot create the vacancy index: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new SearchStoreException("Elasticsearch did not answer: " + e.getMessage(), e);
    }
  }

  private volatile boolean upgraded;

  /**
   * Brings an index made by an earlier version up to the current mapping. Mapping changes are only
   * ever additions of fields, which Elasticsearch applies in place: documents written before keep
   * their fields and lack the new ones until they are ingested again.
   */
  private void upgrade() throws IOException {
    var mapping = es.indices().getMapping(m -> m.index(ALIAS));
    for (var index : mapping.result().entrySet()) {
      var meta = index.getValue().mappings().meta();
      int version =
          meta == null || !meta.containsKey("mappingVersion")
              ? 0
              : meta.get("mappingVersion").to(Integer.class);
      if (version < MAPPING_VERSION) {
        String properties =
            MAPPING.substring(MAPPING.indexOf("\"mappings\":") + "\"mappings\":".length());
        properties = properties.substring(0, properties.lastIndexOf('}'));
        String body = properties;
        es.indices().putMapping(p -> p.index(index.getKey()).withJson(new StringReader(body)));
      }
    }
    upgraded = true;
  }

  /** The document id of a vacancy: a digest of its source and id. */
  public static String documentId(Vacancy v) {
    return documentId(v.source(), v.id());
  }

  /** The document id of the vacancy with this source and id. */
  public static String documentId(String source, String id) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((source + "\u001f" + id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A writer of vacancies that belong to no dataset (as before datasets were recorded). */
  VacancyStore.Writer writer() {
    return writer(null, false);
  }

  @Override
  public VacancyStore.Writer writer(String dataset, boolean synthetic) {
    ensure();
    return new VacancyWriter(connection, dataset, synthetic);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Held> get(String source, String id) {
    ensure();
    String docId = documentId(source, id);
    try {
      var r =
          connection.withRetries(
              "reading a vacancy", () -> es.get(g -> g.index(ALIAS).id(docId), Map.class));
      return r.found() ? Optional.of(new Held((Map<String, Object>) r.source())) : Optional.empty();
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("reading a vacancy failed: " + e.getMessage(), e);
    }
  }

  @Override
  public HeldPage page(Slice slice, HeldKey after, int limit) {
    ensure();
    return HeldPages.page(
        connection, ALIAS, SliceQuery.of(slice), after, limit, "reading vacancies");
  }

  @Override
  public long count(Slice slice) {
    ensure();
    try {
      return connection
          .withRetries(
              "counting vacancies", () -> es.count(c -> c.index(ALIAS).query(SliceQuery.of(slice))))
          .count();
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("counting vacancies failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<HeldOriginal> originalsUnder(Collection<String> bandKeys) {
    ensure();
    return bands.originalsUnder(bandKeys, null);
  }

  @Override
  public List<HeldOriginal> originalsUnder(
      Collection<String> bandKeys, Collection<String> ingests) {
    ensure();
    return bands.originalsUnder(bandKeys, ingests);
  }

  @Override
  public void forEachPageOfOriginals(String ingest, int size, Consumer<List<HeldOriginal>> page) {
    ensure();
    bands.forEachPageOfOriginals(ingest, size, page);
  }

  @Override
  public void markDuplicates(List<Demotion> demotions) {
    ensure();
    bands.markDuplicates(demotions);
  }

  @Override
  public long addMissingBands(Function<HeldOriginal, List<String>> keys, LongConsumer done) {
    ensure();
    return bands.addMissing(keys, done);
  }

  @Override
  public long addMissingFacets(
      String escoVersion, Function<List<String>, SkillFacets> facetsOf, LongConsumer done) {
    ensure();
    return VacancyFacets.addMissing(bands, escoVersion, facetsOf, done);
  }

  @Override
  public Map<String, String> duplicateMarks() {
    Map<String, String> out = new HashMap<>();
    scan(
        "reading duplicate marks",
        null,
        List.of("source", "id", "duplicateOf"),
        d -> out.put(d.get("source") + "/" + d.get("id"), (String) d.get("duplicateOf")));
    return out;
  }

  /**
   * Reads the vacancies held (those the query matches, if one is given), a few fields each, in
   * pages of 10,000 taken one after the other in index order.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  void scan(String what, Query query, List<String> fields, Consumer<Map<?, ?>> each) {
    ensure();
    int pageSize = 10_000;
    List<FieldValue> after = null;
    try {
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<Map> page =
            connection.withRetries(
                what,
                () ->
                    es.search(
                        s -> {
                          s.index(ALIAS)
                              .size(pageSize)
                              .source(src -> src.filter(f -> f.includes(fields)))
                              .sort(o -> o.field(f -> f.field("_doc")));
                          if (query != null) {
                            s.query(query);
                          }
                          if (from != null) {
                            s.searchAfter(from);
                          }
                          return s;
                        },
                        Map.class));
        var hits = page.hits().hits();
        hits.forEach(h -> each.accept(h.source()));
        if (hits.size() < pageSize) {
          return;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void recordRun(IngestRun run) {
    try {
      ensure();
      es.index(
          i -> i.index(RUNS).id(run.id()).document(IngestRuns.document(run)).refresh(Refresh.True));
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("cannot record the ingest run: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> runsBeside(String id, Instant since) {
    ensure();
    return IngestRuns.overlapping(connection, id, since);
  }

  @Override
  public Stats stats() {
    ensure();
    return VacancyStatistics.read(connection);
  }
}
