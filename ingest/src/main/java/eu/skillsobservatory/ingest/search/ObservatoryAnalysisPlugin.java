package eu.skillsobservatory.ingest.search;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianNormalizationFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analyzers, tokenizers and token filters the observatory's mappings use, under their usual
 * Elasticsearch names, built on Lucene's analysis-common. Elasticsearch publishes no jar of its
 * analysis-common module, so without this the embedded node would know the standard analyzer only;
 * a full cluster has the same names built in, so one mapping serves both.
 */
public class ObservatoryAnalysisPlugin extends Plugin implements AnalysisPlugin {

  /** The language analyzers, by their Elasticsearch names. */
  static final Map<String, Supplier<Analyzer>> LANGUAGE_ANALYZERS =
      Map.ofEntries(
          Map.entry("arabic", ArabicAnalyzer::new),
          Map.entry("bulgarian", BulgarianAnalyzer::new),
          Map.entry("catalan", CatalanAnalyzer::new),
          Map.entry("czech", CzechAnalyzer::new),
          Map.entry("danish", DanishAnalyzer::new),
          Map.entry("dutch", DutchAnalyzer::new),
          Map.entry("english", EnglishAnalyzer::new),
          Map.entry("estonian", EstonianAnalyzer::new),
          Map.entry("finnish", FinnishAnalyzer::new),
          Map.entry("french", FrenchAnalyzer::new),
          Map.entry("german", GermanAnalyzer::new),
          Map.entry("greek", GreekAnalyzer::new),
          Map.entry("hungarian", HungarianAnalyzer::new),
          Map.entry("irish", IrishAnalyzer::new),
          Map.entry("italian", ItalianAnalyzer::new),
          Map.entry("latvian", LatvianAnalyzer::new),
          Map.entry("lithuanian", LithuanianAnalyzer::new),
          Map.entry("norwegian", NorwegianAnalyzer::new),
          Map.entry("portuguese", PortugueseAnalyzer::new),
          Map.entry("romanian", RomanianAnalyzer::new),
          Map.entry("serbian", SerbianAnalyzer::new),
          Map.entry("spanish", SpanishAnalyzer::new),
          Map.entry("swedish", SwedishAnalyzer::new));

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> out = new HashMap<>();
    LANGUAGE_ANALYZERS.forEach(
        (name, make) ->
            out.put(
                name,
                (indexSettings, env, n, settings) ->
                    new AbstractIndexAnalyzerProvider<Analyzer>(n, settings) {
                      private final Analyzer analyzer = make.get();

                      @Override
                      public Analyzer get() {
                        return analyzer;
                      }
                    }));
    return out;
  }

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of(
        "keyword",
        (indexSettings, env, name, settings) ->
            TokenizerFactory.newFactory(name, KeywordTokenizer::new));
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(
        "lowercase", (is, env, name, settings) -> filter(name, settings, LowerCaseFilter::new),
        "asciifolding",
            (is, env, name, settings) -> filter(name, settings, t -> new ASCIIFoldingFilter(t)),
        "serbian_normalization",
            (is, env, name, settings) -> filter(name, settings, SerbianNormalizationFilter::new),
        "edge_ngram",
            (is, env, name, settings) -> {
              int min = settings.getAsInt("min_gram", 1);
              int max = settings.getAsInt("max_gram", 2);
              boolean original = settings.getAsBoolean("preserve_original", false);
              return filter(name, settings, t -> new EdgeNGramTokenFilter(t, min, max, original));
            });
  }

  private static TokenFilterFactory filter(
      String name, Settings settings, Function<TokenStream, TokenStream> f) {
    return new AbstractTokenFilterFactory(name, settings) {
      @Override
      public TokenStream create(TokenStream tokenStream) {
        return f.apply(tokenStream);
      }
    };
  }
}
