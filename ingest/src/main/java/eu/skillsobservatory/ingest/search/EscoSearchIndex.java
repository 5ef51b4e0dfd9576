package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ESCO concepts in Elasticsearch: one index per load of a version, read through aliases ({@code
 * esco-concepts} for the current version, {@code esco-concepts-vX.Y.Z} per version), so that a
 * reindex builds a new index and swaps the alias in one atomic request.
 */
public final class EscoSearchIndex {
  public static final String ALIAS = "esco-concepts";
  private static final int BATCH = 1_000;

  private final ElasticsearchClient es;

  public EscoSearchIndex(SearchConnection connection) {
    this.es = connection.client();
  }

  /** The alias of one version. */
  public static String alias(EscoVersion v) {
    return ALIAS + "-" + v.value();
  }

  /** What an index run did. */
  public record IndexReport(
      EscoVersion version, String index, long documents, Duration duration, List<String> failed) {
    public IndexReport {
      failed = List.copyOf(failed);
    }
  }

  /**
   * Builds a fresh index of {@code version} from the catalog and points the aliases at it; the old
   * index of that version is then deleted. Every document that Elasticsearch refused is named by
   * its URI in the report and the aliases are left where they were.
   */
  public IndexReport reindex(SkillCatalog catalog, EscoVersion version, Progress progress) {
    Instant start = Instant.now();
    VersionSummary summary =
        catalog.versions().stream()
            .filter(v -> v.version().equals(version))
            .findFirst()
            .orElseThrow(
                () ->
                    new eu.skillsobservatory.analytics.esco.UnknownEscoVersionException(
                        version.value(),
                        catalog.versions().stream().map(VersionSummary::version).toList()));
    String index =
        (ALIAS + "-" + version.value() + "-" + start.toEpochMilli()).toLowerCase(Locale.ROOT);
    try {
      es.indices()
          .create(
              c ->
                  c.index(index)
                      .withJson(new StringReader(EscoIndexMapping.json(summary.languages()))));
      List<String> failed = write(catalog, version, index, progress, summary);
      if (!failed.isEmpty()) {
        es.indices().delete(d -> d.index(index));
        return new IndexReport(version, index, 0, Duration.between(start, Instant.now()), failed);
      }
      es.indices().refresh(r -> r.index(index));
      long count = es.count(c -> c.index(index)).count();
      swapAliases(index, version, summary.current());
      return new IndexReport(version, index, count, Duration.between(start, Instant.now()), failed);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("indexing ESCO " + version + " failed: " + e.getMessage(), e);
    }
  }

  private List<String> write(
      SkillCatalog catalog,
      EscoVersion version,
      String index,
      Progress progress,
      VersionSummary summary) {
    ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    AtomicLong acknowledged = new AtomicLong();
    long total =
        summary.skills() + summary.occupations() + summary.iscoGroups() + summary.skillGroups();
    progress.start("Indexing ESCO " + version, "concepts", total);
    BulkListener<String> listener =
        new BulkListener<>() {
          @Override
          public void beforeBulk(long id, BulkRequest request, List<String> uris) {}

          @Override
          public void afterBulk(
              long id, BulkRequest request, List<String> uris, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
              BulkResponseItem item = items.get(i);
              if (item.error() != null) {
                failed.add(uris.get(i) + ": " + item.error().reason());
              } else {
                acknowledged.incrementAndGet();
              }
            }
            progress.advance(acknowledged.get(), acknowledged.get());
          }

          @Override
          public void afterBulk(long id, BulkRequest request, List<String> uris, Throwable t) {
            uris.forEach(u -> failed.add(u + ": " + t.getMessage()));
          }
        };
    try (BulkIngester<String> ingester =
        BulkIngester.of(
            b ->
                b.client(es)
                    .maxOperations(BATCH)
                    .maxSize(8L * 1024 * 1024)
                    .maxConcurrentRequests(2)
                    .listener(listener))) {
      catalog.forEachConcept(
          version,
          doc ->
              ingester.add(
                  op ->
                      op.index(ix -> ix.index(index).id(doc.uri()).document(source(doc, version))),
                  doc.uri()));
    }
    progress.finish(
        String.format(
            Locale.ROOT,
            "ESCO %s indexed: %,d concepts, %,d refused",
            version,
            acknowledged.get(),
            failed.size()));
    return new ArrayList<>(failed);
  }

  private static Map<String, Object> source(ConceptDocument d, EscoVersion version) {
    Map<String, Object> pref = new LinkedHashMap<>();
    Map<String, Object> alt = new LinkedHashMap<>();
    Map<String, Object> hidden = new LinkedHashMap<>();
    Map<String, Object> description = new LinkedHashMap<>();
    d.labels()
        .forEach(
            (lang, l) -> {
              String f = EscoIndexMapping.field(lang);
              if (!l.preferred().isEmpty()) {
                pref.put(f, l.preferred());
              }
              if (!l.alternative().isEmpty()) {
                alt.put(f, l.alternative());
              }
              if (!l.hidden().isEmpty()) {
                hidden.put(f, l.hidden());
              }
              if (!l.description().isEmpty()) {
                description.put(f, l.description());
              }
            });
    Map<String, Object> doc = new HashMap<>();
    doc.put("uri", d.uri());
    doc.put("type", d.type().label());
    doc.put("version", version.value());
    doc.put("collections", d.collections());
    doc.put("skillType", d.skillType());
    doc.put("reuseLevel", d.reuseLevel());
    doc.put("code", d.code());
    doc.put("iscoGroup", d.iscoGroup());
    doc.put("pref", pref);
    doc.put("alt", alt);
    doc.put("hidden", hidden);
    doc.put("description", description);
    doc.put("display", pref);
    return doc;
  }

  /** Moves the aliases to the new index in one request, then drops the version's old indices. */
  private void swapAliases(String index, EscoVersion version, boolean current) throws IOException {
    List<String> oldOfVersion = indicesOf(alias(version));
    List<String> oldCurrent = current ? indicesOf(ALIAS) : List.of();
    es.indices()
        .updateAliases(
            u -> {
              u.actions(a -> a.add(x -> x.index(index).alias(alias(version))));
              oldOfVersion.forEach(
                  o -> u.actions(a -> a.remove(x -> x.index(o).alias(alias(version)))));
              if (current) {
                u.actions(a -> a.add(x -> x.index(index).alias(ALIAS)));
                oldCurrent.forEach(o -> u.actions(a -> a.remove(x -> x.index(o).alias(ALIAS))));
              }
              return u;
            });
    for (String old : oldOfVersion) {
      if (!old.equals(index) && indicesOf(ALIAS).stream().noneMatch(old::equals)) {
        es.indices().delete(d -> d.index(old));
      }
    }
  }

  private List<String> indicesOf(String alias) throws IOException {
    try {
      return new ArrayList<>(es.indices().getAlias(g -> g.name(alias)).result().keySet());
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  /** Whether the current alias exists, i.e. some version has been indexed. */
  public boolean isIndexed() {
    try {
      return !indicesOf(ALIAS).isEmpty();
    } catch (IOException e) {
      throw new SearchStoreException("Elasticsearch did not answer: " + e.getMessage(), e);
    }
  }

  /** This index as the core's search port. */
  public ConceptSearch asConceptSearch() {
    return new ConceptSearch() {
      @Override
      public Page search(Query query) {
        return EscoSearchIndex.this.search(query);
      }

      @Override
      public Page suggest(Query query) {
        return EscoSearchIndex.this.suggest(query);
      }
    };
  }

  /**
   * Searches in two passes. The first wants every word in one label (whole, case- and
   * accent-folded, or stemmed) and ends most searches cheaply; only when nothing has all the words
   * does the second allow a typo per word and labels with some of the words.
   */
  public ConceptSearch.Page search(ConceptSearch.Query q) {
    String f = EscoIndexMapping.field(q.language());
    ConceptSearch.Page allWords = run(q, clauses(f, q.text(), false), f);
    if (allWords.total() > 0) {
      return allWords;
    }
    return run(q, clauses(f, q.text(), true), f);
  }

  private static List<Query> clauses(String f, String text, boolean tolerant) {
    List<Query> should = new ArrayList<>();
    for (String lang : languagesFor(f)) {
      double w = lang.equals(f) ? 1.0 : 0.5;
      // The whole label, exactly (case and accents folded): the strongest evidence.
      should.add(match("pref." + lang + ".exact", text, 20 * w, "preferred", false, true));
      should.add(match("alt." + lang + ".exact", text, 12 * w, "alternative", false, true));
      // All words, folded; in the tolerant pass each may carry a typo.
      should.add(match("pref." + lang + ".plain", text, 6 * w, "preferred", tolerant, true));
      should.add(match("alt." + lang + ".plain", text, 4 * w, "alternative", tolerant, true));
      // Inflected forms through the language's stemmer; in the tolerant pass, any of the words.
      should.add(match("pref." + lang, text, 3 * w, "preferred", false, !tolerant));
      should.add(match("alt." + lang, text, 2 * w, "alternative", false, !tolerant));
      should.add(match("hidden." + lang + ".plain", text, 1 * w, "hidden", false, !tolerant));
    }
    return should;
  }

  public ConceptSearch.Page suggest(ConceptSearch.Query q) {
    String f = EscoIndexMapping.field(q.language());
    List<Query> should = new ArrayList<>();
    for (String lang : languagesFor(f)) {
      double w = lang.equals(f) ? 1.0 : 0.5;
      should.add(prefix("pref." + lang + ".prefix", q.text(), 3 * w, "preferred"));
      should.add(prefix("alt." + lang + ".prefix", q.text(), 1 * w, "alternative"));
      should.add(
          Query.of(
              x ->
                  x.matchPhrasePrefix(
                      m ->
                          m.field("pref." + lang + ".plain")
                              .query(q.text())
                              .boost((float) (4 * w))
                              .queryName("preferred"))));
    }
    return run(q, should, f);
  }

  private static List<String> languagesFor(String f) {
    return f.equals("en") ? List.of("en") : List.of(f, "en");
  }

  private static Query match(
      String field, String text, double boost, String name, boolean fuzzy, boolean allWords) {
    return Query.of(
        x ->
            x.match(
                m -> {
                  m.field(field).query(text).boost((float) boost).queryName(name);
                  if (allWords) {
                    m.operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And);
                  }
                  if (fuzzy) {
                    m.fuzziness("AUTO").prefixLength(1).maxExpansions(10);
                  }
                  return m;
                }));
  }

  private static Query prefix(String field, String text, double boost, String name) {
    return Query.of(
        x ->
            x.match(
                m ->
                    m.field(field)
                        .query(text)
                        .boost((float) boost)
                        .queryName(name)
                        .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private ConceptSearch.Page run(ConceptSearch.Query q, List<Query> should, String lang) {
    List<Query> filters = new ArrayList<>();
    q.type()
        .ifPresent(
            t -> filters.add(Query.of(x -> x.term(t2 -> t2.field("type").value(t.label())))));
    q.collection()
        .ifPresent(c -> filters.add(Query.of(x -> x.term(t2 -> t2.field("collections").value(c)))));
    try {
      SearchResponse<Map> r =
          es.search(
              s ->
                  s.index(ALIAS)
                      .from(q.offset())
                      .size(q.limit())
                      .trackTotalHits(t -> t.enabled(true))
                      .query(
                          x ->
                              x.bool(b -> b.should(should).minimumShouldMatch("1").filter(filters)))
                      .source(
                          sc ->
                              sc.filter(
                                  sf -> sf.includes("uri", "type", "display", "alt", "hidden"))),
              Map.class);
      List<ConceptSearch.Hit> hits = new ArrayList<>();
      for (Hit<Map> h : r.hits().hits()) {
        Map<String, Object> src = h.source();
        Map<String, Object> display = (Map<String, Object>) src.getOrDefault("display", Map.of());
        String label = (String) display.getOrDefault(lang, display.getOrDefault("en", ""));
        String field = matchedField(h.matchedQueries());
        String matched = label;
        if (!field.equals("preferred")) {
          Map<String, Object> labels =
              (Map<String, Object>)
                  src.getOrDefault(field.equals("alternative") ? "alt" : "hidden", Map.of());
          List<String> candidates = new ArrayList<>();
          for (String l : languagesFor(lang)) {
            Object values = labels.get(l);
            if (values instanceof List<?> list) {
              list.forEach(v -> candidates.add(String.valueOf(v)));
            }
          }
          matched = bestMatch(candidates, q.text(), label);
        }
        hits.add(
            new ConceptSearch.Hit(
                (String) src.get("uri"),
                label,
                ConceptType.fromLabel((String) src.get("type")),
                matched,
                field,
                h.score() == null ? 0 : h.score()));
      }
      return new ConceptSearch.Page(
          r.hits().total() == null ? hits.size() : r.hits().total().value(), hits);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("ESCO search failed: " + e.getMessage(), e);
    }
  }

  /** Of the labels that matched, the one closest to what was typed. */
  static String bestMatch(List<String> candidates, String text, String fallback) {
    String t = text.toLowerCase(Locale.ROOT).strip();
    List<String> words = List.of(t.split("\\s+"));
    String best = fallback;
    double bestScore = -1;
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      double score;
      if (lc.equals(t)) {
        score = 1_000;
      } else if (lc.startsWith(t)) {
        score = 500 - lc.length();
      } else {
        score = words.stream().filter(lc::contains).count() * 10.0 - lc.length() / 100.0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private static String matchedField(List<String> names) {
    if (names.contains("preferred")) {
      return "preferred";
    }
    if (names.contains("alternative")) {
      return "alternative";
    }
    return names.contains("hidden") ? "hidden" : "preferred";
  }

  /** A search that asks nothing but whether the index answers. */
  public Optional<String> ping() {
    try {
      return Optional.of(es.info().version().number());
    } catch (IOException | ElasticsearchException e) {
      return Optional.empty();
    }
  }
}
