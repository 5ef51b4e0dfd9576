package eu.skillsobservatory.api.esco;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.api.jobs.JobAnswers;
import eu.skillsobservatory.api.jobs.JobService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * ESCO loads and reindexing through the API, as jobs (writes: they need an API key). A load takes
 * the files of one ESCO version as {@code ingest esco} does (the CSV download's zips, or an RDF
 * file), keeps them under the home, and loads them in the background: TDB2 holds the old version of
 * the graph until the new one is complete, then Elasticsearch is reindexed from it.
 */
@RestController
public class EscoLoadController {
  /** Kept under this name in the home, so no path element of the client's can slip in. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  private final EscoService esco;
  private final JobService jobs;

  public EscoLoadController(EscoService esco, JobService jobs) {
    this.esco = esco;
    this.jobs = jobs;
  }

  /**
   * @param file the files of one version (repeat the part for the classification and the relations
   *     zips)
   * @param version the ESCO version, when the file names do not carry it
   * @param index also build the search index of the version (default true)
   */
  @PostMapping(value = "/api/esco/versions", consumes = "multipart/form-data")
  public ResponseEntity<Map<String, Object>> load(
      @RequestParam("file") List<MultipartFile> file,
      @RequestParam(required = false) String version,
      @RequestParam(defaultValue = "true") boolean index) {
    Optional<EscoVersion> v =
        version == null || version.isBlank()
            ? Optional.empty()
            : Optional.of(EscoVersion.parse(version));
    List<JobService.Part> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (MultipartFile f : file) {
      String name = fileName(f.getOriginalFilename());
      if (!SAFE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "file: each part needs a file name of letters, digits, '.', '_' or '-', not '"
                + name
                + "'");
      }
      if (names.contains(name)) {
        throw new IllegalArgumentException("file: '" + name + "' is sent twice");
      }
      if (f.isEmpty()) {
        throw new IllegalArgumentException("file: '" + name + "' is empty");
      }
      names.add(name);
      try {
        parts.add(new JobService.Part(name, f.getInputStream()));
      } catch (IOException e) {
        throw new UncheckedIOException("file: '" + name + "' could not be read", e);
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("file: send the files of one ESCO version");
    }
    JobService.Job job =
        jobs.submitFiles(
            "esco",
            String.join(", ", names) + v.map(x -> ", version " + x.value()).orElse(""),
            parts,
            w -> {
              List<Path> paths;
              try (Stream<Path> kept = Files.list(w.body())) {
                paths = kept.sorted().toList();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              Map<String, Object> result = new LinkedHashMap<>();
              var loaded = esco.load(paths, v, w.progress());
              result.put("load", loaded);
              if (index) {
                result.put("index", esco.index(Optional.of(loaded.version()), w.progress()));
              }
              return result;
            });
    return accepted(job);
  }

  /** Rebuilds the search index of a version (default: the current one) from TDB2 and swaps it. */
  @PostMapping("/api/esco/reindex")
  public ResponseEntity<Map<String, Object>> reindex(
      @RequestParam(required = false) String version) {
    Optional<EscoVersion> v =
        version == null || version.isBlank()
            ? Optional.empty()
            : Optional.of(EscoVersion.parse(version));
    JobService.Job job =
        jobs.submitWork(
            "esco-reindex",
            v.map(x -> "version " + x.value()).orElse("the current version"),
            w -> esco.index(v, w.progress()));
    return accepted(job);
  }

  /** The last name of an uploaded part's file name; empty when it names none ("/", "..", ""). */
  static String fileName(String given) {
    if (given == null) {
      return "";
    }
    String s = given.replace('\\', '/');
    String last = s.substring(s.lastIndexOf('/') + 1).strip();
    return last.equals(".") || last.equals("..") ? "" : last;
  }

  private static ResponseEntity<Map<String, Object>> accepted(JobService.Job job) {
    return ResponseEntity.accepted()
        .location(URI.create("/api/jobs/" + job.id()))
        .body(JobAnswers.view(job));
  }
}
