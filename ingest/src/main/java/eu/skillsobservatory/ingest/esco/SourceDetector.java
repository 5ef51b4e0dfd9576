package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.EscoInputException;
import eu.skillsobservatory.analytics.rows.MeteredInput;
import eu.skillsobservatory.ingest.rows.RowFiles;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.jena.riot.Lang;

/**
 * Turns the paths given to {@code ingest esco} into readable sources: the official CSV zips, a
 * folder of unzipped CSVs, single CSV files, and RDF files in any syntax Jena reads, plain, gzipped
 * or zipped.
 */
final class SourceDetector {
  private SourceDetector() {}

  static final String FORMATS =
      "expected an ESCO CSV zip, a folder of ESCO CSV files, a .csv file, or RDF"
          + " (.ttl, .rdf, .owl, .nt, .nq, .trig, .jsonld), plain, .gz or inside a .zip";

  static List<Source> detect(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new EscoInputException("(no path)", "", "name at least one ESCO file or folder");
    }
    List<Source> out = new ArrayList<>();
    for (Path p : paths) {
      for (Source s : detect(p)) {
        out.add(s.name().contains("!/") ? s : BoundedSource.bounded(s, -1, LIMITS));
      }
    }
    return out;
  }

  /** What one ESCO input may hold: the defaults of every input file. */
  static final RowFiles.Limits LIMITS = RowFiles.Limits.DEFAULT;

  private static List<Source> detect(Path path) {
    String name = path.toString();
    if (!Files.exists(path)) {
      throw new EscoInputException(name, "", "no such file or folder");
    }
    if (Files.isDirectory(path)) {
      return folder(path);
    }
    long size = size(path);
    if (size == 0) {
      throw new EscoInputException(name, "", "the file is empty");
    }
    String fileName = path.getFileName().toString();
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip")) {
      return zip(path);
    }
    if (lower.endsWith(".csv")) {
      return List.of(new Source(name, fileName, null, size, c -> counted(path, c)));
    }
    boolean gz = lower.endsWith(".gz");
    Lang lang = rdfLang(gz ? lower.substring(0, lower.length() - 3) : lower);
    if (lang == null) {
      throw new EscoInputException(name, "", "unknown format: " + FORMATS);
    }
    String bare = gz ? fileName.substring(0, fileName.length() - 3) : fileName;
    return List.of(
        new Source(
            name,
            bare,
            lang,
            size,
            c -> gz ? new GZIPInputStream(counted(path, c), 1 << 16) : counted(path, c)));
  }

  private static List<Source> folder(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new EscoInputException(dir.toString(), "", "cannot list the folder: " + e.getMessage());
    }
    List<Source> out = new ArrayList<>();
    for (Path f : files) {
      String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".csv")) {
        if (size(f) == 0) {
          throw new EscoInputException(f.toString(), "", "the file is empty");
        }
        out.add(
            new Source(
                f.toString(), f.getFileName().toString(), null, size(f), c -> counted(f, c)));
      }
    }
    if (out.isEmpty()) {
      throw new EscoInputException(dir.toString(), "", "the folder holds no .csv file; " + FORMATS);
    }
    return out;
  }

  private static List<Source> zip(Path path) {
    String name = path.toString();
    List<Source> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(path.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (e.isDirectory()) {
          continue;
        }
        String entryName = e.getName();
        String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        Lang lang = rdfLang(gz ? lower.substring(0, lower.length() - 3) : lower);
        if (!lower.endsWith(".csv") && lang == null) {
          continue;
        }
        if (e.getSize() == 0) {
          throw new EscoInputException(name + "!/" + entryName, "", "the file is empty");
        }
        long entrySize = e.getSize() > 0 ? e.getSize() : e.getCompressedSize();
        Source.Opener opener =
            c -> {
              ZipFile z = new ZipFile(path.toFile());
              InputStream in = new ClosingBoth(z.getInputStream(z.getEntry(entryName)), z);
              InputStream counted = new MeteredInput(in, (b, off, n) -> c.add(n));
              return gz ? new GZIPInputStream(counted, 1 << 16) : counted;
            };
        out.add(
            BoundedSource.bounded(
                new Source(
                    name + "!/" + entryName,
                    gz ? fileName.substring(0, fileName.length() - 3) : fileName,
                    lower.endsWith(".csv") ? null : lang,
                    entrySize,
                    opener),
                e.getCompressedSize(),
                LIMITS));
      }
    } catch (IOException e) {
      throw new EscoInputException(
          name, "", "not a readable zip archive (truncated or damaged): " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new EscoInputException(name, "", "the zip holds no ESCO CSV or RDF file; " + FORMATS);
    }
    return out;
  }

  static Lang rdfLang(String lowerName) {
    if (lowerName.endsWith(".ttl")) {
      return Lang.TURTLE;
    }
    if (lowerName.endsWith(".rdf") || lowerName.endsWith(".owl") || lowerName.endsWith(".xml")) {
      return Lang.RDFXML;
    }
    if (lowerName.endsWith(".nt")) {
      return Lang.NTRIPLES;
    }
    if (lowerName.endsWith(".nq")) {
      return Lang.NQUADS;
    }
    if (lowerName.endsWith(".trig")) {
      return Lang.TRIG;
    }
    if (lowerName.endsWith(".jsonld") || lowerName.endsWith(".json")) {
      return Lang.JSONLD;
    }
    return null;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new EscoInputException(p.toString(), "", "cannot read: " + e.getMessage());
    }
  }

  private static InputStream counted(Path p, Source.ByteCounter c) throws IOException {
    return new MeteredInput(
        new BufferedInputStream(Files.newInputStream(p), 1 << 16), (b, off, n) -> c.add(n));
  }

  /** Closes the zip file together with the entry stream. */
  private static final class ClosingBoth extends FilterInputStream {
    private final ZipFile zip;

    ClosingBoth(InputStream in, ZipFile zip) {
      super(in);
      this.zip = zip;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        zip.close();
      }
    }
  }
}
