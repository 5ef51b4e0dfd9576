package eu.skillsobservatory.analytics.cache;

/**
 * The version of the data analytics answers are computed from: vacancies, training offers,
 * employment figures, the ESCO version in use. It changes whenever what a query sees changes (after
 * the change is visible), and is shared by every instance that shares the stores, so that an answer
 * kept under one version is never given once the data moved on.
 */
@FunctionalInterface
public interface DataVersion {
  /** An opaque token: equal tokens, same data. */
  String current();
}
