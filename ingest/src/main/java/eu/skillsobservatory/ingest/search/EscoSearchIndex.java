package eu.skillsobservatory.ingest.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import eu.skillsobservatory.analytics.esco.ConceptIndex;
import eu.skillsobservatory.analytics.esco.ConceptSearch;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.UnknownEscoVersionException;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.extract.WordForms;
import eu.skillsobservatory.analytics.failures.SearchStoreException;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.text.TextClean;
import eu.skillsobservatory.ingest.extract.LuceneWordForms;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * ESCO concepts in Elasticsearch: one index per load of a version, read through aliases ({@code
 * esco-concepts} for the current version, {@code esco-concepts-vX.Y.Z} per version), so that a
 * reindex builds a new index and swaps the alias in one atomic request.
 */
public final class EscoSearchIndex implements ConceptIndex {
  public static final String ALIAS = "esco-concepts";
  private static final int BATCH = 1_000;

  private final SearchConnection connection;
  private final ElasticsearchClient es;
  private final SearchAnswers answers;
  private final LabelStems stems;

  public EscoSearchIndex(SearchConnection connection) {
    this(connection, new LuceneWordForms());
  }

  /**
   * @param forms stems and stop words for the languages Elasticsearch has no analyzer for (the same
   *     as skill extraction's)
   */
  public EscoSearchIndex(SearchConnection connection, WordForms forms) {
    this(connection, Duration.ofSeconds(5), forms);
  }

  /**
   * @param aliasCheck how long an answer may be served from the cache after another process moved
   *     the alias to a new index
   */
  EscoSearchIndex(SearchConnection connection, Duration aliasCheck) {
    this(connection, aliasCheck, new LuceneWordForms());
  }

  private EscoSearchIndex(SearchConnection connection, Duration aliasCheck, WordForms forms) {
    this.connection = connection;
    this.es = connection.client();
    this.answers = new SearchAnswers(aliasCheck, this::indicesBehindAlias);
    this.stems = new LabelStems(forms);
  }

  /** The alias of one version. */
  public static String alias(EscoVersion v) {
    return ALIAS + "-" + v.value();
  }

  /**
   * Builds a fresh index of {@code version} from the catalog and points the aliases at it; the old
   * index of that version is then deleted. Every document that Elasticsearch refused is named by
   * its URI in the report and the aliases are left where they were.
   */
  @Override
  public IndexReport reindex(SkillCatalog catalog, EscoVersion version, Progress progress) {
    Instant start = Instant.now();
    VersionSummary summary =
        catalog.versions().stream()
            .filter(v -> v.version().equals(version))
            .findFirst()
            .orElseThrow(
                () ->
                    new UnknownEscoVersionException(
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
      // One segment: the index is read-only from now on, and searches touch fewer files.
      es.indices().forcemerge(m -> m.index(index).maxNumSegments(1L));
      long count = es.count(c -> c.index(index)).count();
      swapAliases(index, version, summary.current());
      answers.clear();
      connection.dataChanged();
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
    long total =
        summary.skills() + summary.occupations() + summary.iscoGroups() + summary.skillGroups();
    progress.start("Indexing ESCO " + version, "concepts", total);
    BulkWrites<String> writes = new BulkWrites<>(n -> progress.advance(n, n));
    try (BulkIngester<String> ingester = writes.ingester(es)) {
      catalog.forEachConcept(
          version,
          doc ->
              ingester.add(
                  op ->
                      op.index(
                          ix ->
                              ix.index(index)
                                  .id(doc.uri())
                                  .document(EscoDocuments.source(doc, version, stems))),
                  doc.uri()));
    }
    writes.awaitRetries();
    progress.finish(
        String.format(
            Locale.ROOT,
            "ESCO %s indexed: %,d concepts, %,d refused",
            version,
            writes.acknowledged(),
            writes.failed().size()));
    return writes.failed();
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
      return new ArrayList<>(
          connection
              .withRetries(
                  "reading alias " + alias, () -> es.indices().getAlias(g -> g.name(alias)))
              .result()
              .keySet());
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  /**
   * Whether the current version is searchable with this code: the alias exists and its index was
   * built with the mapping this code writes. An index of an older mapping needs a reindex, which
   * the server does on start.
   */
  @Override
  public boolean isIndexed() {
    try {
      List<String> indices = indicesOf(ALIAS);
      if (indices.isEmpty()) {
        return false;
      }
      var mappings =
          connection.withRetries(
              "reading the ESCO index mapping",
              () -> es.indices().getMapping(g -> g.index(ALIAS)).result());
      return mappings.values().stream()
          .allMatch(
              m -> {
                var meta = m.mappings().meta();
                return meta != null
                    && meta.containsKey("mappingVersion")
                    && meta.get("mappingVersion").to(Integer.class) == EscoIndexMapping.VERSION;
              });
    } catch (IOException | ElasticsearchException e) {
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
   * does the second allow a typo per word and labels with some of the words. Answers are cached per
   * index: ESCO does not change between reindexes.
   */
  @Override
  public ConceptSearch.Page search(ConceptSearch.Query q) {
    return answers.get("search", q, this::searchUncached);
  }

  private ConceptSearch.Page searchUncached(ConceptSearch.Query q) {
    String f = EscoIndexMapping.field(q.language());
    ConceptSearch.Page allWords = run(q, EscoDocuments.clauses(f, q.text(), false, stems), f);
    if (allWords.total() > 0) {
      return allWords;
    }
    return run(q, EscoDocuments.clauses(f, q.text(), true, stems), f);
  }

  /** Type-ahead: every word typed so far is the start of a word of one label. Cached too. */
  @Override
  public ConceptSearch.Page suggest(ConceptSearch.Query q) {
    return answers.get("suggest", q, this::suggestUncached);
  }

  private ConceptSearch.Page suggestUncached(ConceptSearch.Query q) {
    String f = EscoIndexMapping.field(q.language());
    List<Query> should = new ArrayList<>();
    for (String lang : EscoDocuments.languagesFor(f)) {
      double w = lang.equals(f) ? 1.0 : 0.5;
      should.add(EscoDocuments.match("pref." + lang + ".prefix", q.text(), 3 * w, false, true));
      should.add(EscoDocuments.match("alt." + lang + ".prefix", q.text(), 1 * w, false, true));
      should.add(
          Query.of(
              x ->
                  x.matchPhrasePrefix(
                      m ->
                          m.field("pref." + lang + ".plain")
                              .query(q.text())
                              .boost((float) (4 * w)))));
    }
    return run(q, should, f);
  }

  /** The indices behind the alias, sorted and joined: what cached answers are kept by. */
  private String indicesBehindAlias() {
    try {
      return String.join(",", indicesOf(ALIAS).stream().sorted().toList());
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("ESCO search failed: " + e.getMessage(), e);
    }
  }

  /** How many answers are cached (for tests and diagnostics). */
  public long cachedAnswers() {
    return answers.size();
  }

  // ---- running a query -------------------------------------------------------------------------

  private ConceptSearch.Page run(ConceptSearch.Query q, List<Query> should, String lang) {
    List<Query> filters = new ArrayList<>();
    q.type()
        .ifPresent(
            t -> filters.add(Query.of(x -> x.term(t2 -> t2.field("type").value(t.label())))));
    q.collection()
        .ifPresent(c -> filters.add(Query.of(x -> x.term(t2 -> t2.field("collections").value(c)))));
    List<String> langs = EscoDocuments.languagesFor(lang);
    UnaryOperator<String> normal =
        EscoIndexMapping.stemmedHere(lang) ? s -> stems.of(s, lang) : TextClean::fold;
    List<String> fields = new ArrayList<>(List.of("uri", "type"));
    for (String group : List.of("pref", "alt", "hidden")) {
      langs.forEach(l -> fields.add(group + "." + l + ".raw"));
    }
    try {
      SearchResponse<Void> r =
          connection.withRetries(
              "ESCO search",
              () ->
                  es.search(
                      s -> {
                        s.index(ALIAS)
                            .from(q.offset())
                            .size(q.limit())
                            .query(
                                x ->
                                    x.bool(
                                        b ->
                                            b.should(should)
                                                .minimumShouldMatch("1")
                                                .filter(filters)))
                            .source(sc -> sc.fetch(false));
                        fields.forEach(name -> s.docvalueFields(d -> d.field(name)));
                        return s;
                      },
                      Void.class));
      List<ConceptSearch.Hit> hits = new ArrayList<>();
      for (Hit<Void> h : r.hits().hits()) {
        Map<String, JsonData> values = h.fields();
        List<String> pref = new ArrayList<>();
        List<String> alt = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String l : langs) {
          pref.addAll(EscoDocuments.strings(values, "pref." + l + ".raw"));
          alt.addAll(EscoDocuments.strings(values, "alt." + l + ".raw"));
          hidden.addAll(EscoDocuments.strings(values, "hidden." + l + ".raw"));
        }
        String label = pref.isEmpty() ? "" : pref.get(0);
        EscoDocuments.LabelMatch best =
            EscoDocuments.bestMatch(q.text(), pref, alt, hidden, label, normal);
        hits.add(
            new ConceptSearch.Hit(
                EscoDocuments.first(values, "uri"),
                label,
                ConceptType.fromLabel(EscoDocuments.first(values, "type")),
                best.label(),
                best.field(),
                h.score() == null ? 0 : h.score()));
      }
      return new ConceptSearch.Page(
          r.hits().total() == null ? hits.size() : r.hits().total().value(), hits);
    } catch (IOException | ElasticsearchException e) {
      throw new SearchStoreException("ESCO search failed: " + e.getMessage(), e);
    }
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
