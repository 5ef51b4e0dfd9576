package eu.skillsobservatory.ingest.esco;

import java.time.Duration;

/**
 * What one SPARQL query may cost on the observatory's open endpoint.
 *
 * @param timeout the whole query, from parse to the last byte of the answer
 * @param maxRows rows of a SELECT, or triples of a CONSTRUCT or DESCRIBE, at most (a larger {@code
 *     LIMIT} is lowered to it)
 * @param maxStringLength characters at most in any string a function builds inside a row ({@code
 *     CONCAT}, {@code REPLACE}, {@code ENCODE_FOR_URI}, extension functions); beyond it the query
 *     stops
 * @param maxRegexSteps characters a regular expression may look at for one match ({@code REGEX},
 *     {@code REPLACE}), so that a pattern that backtracks stops
 * @param maxBytes bytes at most in the serialized answer
 * @param maxAllocation bytes the query's thread may allocate in all; a query that allocates while
 *     the heap is nearly full stops earlier (aggregates such as {@code GROUP_CONCAT} that grow
 *     across rows)
 */
public record SparqlLimits(
    Duration timeout,
    long maxRows,
    int maxStringLength,
    long maxRegexSteps,
    long maxBytes,
    long maxAllocation) {
  public SparqlLimits {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxRows < 1
        || maxStringLength < 1
        || maxRegexSteps < 1
        || maxBytes < 1
        || maxAllocation < 1) {
      throw new IllegalArgumentException("every SPARQL limit must be positive");
    }
  }

  /** The defaults for the limits not given: 1,000,000 characters, 32 MB, 32 GB. */
  public static SparqlLimits of(Duration timeout, long maxRows) {
    return new SparqlLimits(
        timeout, maxRows, 1_000_000, 10_000_000, 32L * 1024 * 1024, 32L * 1024 * 1024 * 1024);
  }
}
