package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.esco.EscoLoader;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.LoadReport;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the ESCO versions live: an embedded TDB2 database ({@link TdbEscoStore}) or a shared SPARQL
 * server ({@link FusekiEscoStore}). Either way one named graph holds one load of a version, and a
 * small catalog graph says which graph holds which version, so that a reader sees a version whole
 * or not at all.
 */
public interface EscoStore extends EscoLoader, AutoCloseable {

  SkillCatalog catalog();

  /**
   * Loads one ESCO version from the given files, replacing any earlier load of that version. A
   * failed load leaves the store as it was.
   *
   * @param version the version, when the file names do not carry it
   * @throws EscoInputException when the input is unusable
   */
  @Override
  LoadReport load(List<Path> paths, Optional<EscoVersion> version, Progress progress);

  /** Read-only SPARQL over the store's graphs, within the given limits. */
  ReadOnlySparql sparql(SparqlLimits limits);

  /** Read-only SPARQL with the default limits but for the timeout and the row cap. */
  default ReadOnlySparql sparql(Duration timeout, long maxRows) {
    return sparql(SparqlLimits.of(timeout, maxRows));
  }

  /** Where the store is, for health reports: a folder or a URL. */
  @Override
  String location();

  @Override
  void close();
}
