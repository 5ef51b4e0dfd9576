package eu.skillsobservatory.analytics.failures;

/**
 * An ESCO input that cannot be loaded: names the file and, where it can, the line and the column or
 * field. Nothing of the load it belongs to is written.
 */
public class EscoInputException extends RuntimeException {
  private final String file;
  private final String where;

  public EscoInputException(String file, String where, String problem) {
    this(file, where, problem, null);
  }

  public EscoInputException(String file, String where, String problem, Throwable cause) {
    super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + problem, cause);
    this.file = file;
    this.where = where;
  }

  /** The file (or zip entry, as {@code archive.zip!/entry.csv}) at fault. */
  public String file() {
    return file;
  }

  /** Where in the file: {@code line 12}, {@code line 12, column conceptUri}, or empty. */
  public String where() {
    return where;
  }
}
