package eu.skillsobservatory.ingest.esco;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A small cut of ESCO v1.1.1 (two occupations, their ISCO chain, twenty skills and their groups) as
 * CSV in the official download's layout, and as Turtle in the official RDF dump's shape, with the
 * dirt the real files carry.
 */
final class MiniEsco {
  static final String METAL_DRAWING =
      "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84";
  static final String ICT_OCCUPATION =
      "http://data.europa.eu/esco/occupation/0464b062-cea6-4164-b10d-956c61956ae7";
  static final String UNKNOWN_OCCUPATION =
      "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e";

  private MiniEsco() {}

  static Path folder() {
    try {
      return Path.of(MiniEsco.class.getResource("/esco-mini/skills_en.csv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path turtle() {
    return folder().resolve("esco-mini.ttl");
  }

  /** A copy of the CSV folder in {@code dir}, to spoil one file of it. */
  static Path csvCopy(Path dir) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(folder())) {
        for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
