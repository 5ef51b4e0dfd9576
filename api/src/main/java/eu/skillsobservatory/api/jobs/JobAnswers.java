package eu.skillsobservatory.api.jobs;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.web.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer of an upload that waited for its job: the report, or the problem of an incomplete
 * load; reports with server paths cut.
 */
public final class JobAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(JobAnswers.class);

  private JobAnswers() {}

  static final JsonMapper VIEWS = JsonConfiguration.lineMapper();

  /** A report as JSON with every server path in it cut to its last name. */
  static Object redacted(Object report) {
    if (report == null) {
      return null;
    }
    String text = Redaction.paths(VIEWS.writeValueAsString(report));
    return VIEWS.readValue(text, Object.class);
  }

  /**
   * 422 with a problem detail: what was not loaded, the report (the valid rows were loaded), and
   * the first rejected rows with line, field and reason.
   */
  static ResponseEntity<?> incomplete(LoadOutcome outcome) {
    ProblemDetail p =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "rows-rejected",
            "Not all of the input was loaded",
            outcome);
    List<Map<String, String>> rejections = new ArrayList<>();
    outcome
        .rejectsFile()
        .ifPresent(
            f -> {
              try (var parser =
                  CSVFormat.RFC4180
                      .builder()
                      .setHeader()
                      .setSkipHeaderRecord(true)
                      .get()
                      .parse(Files.newBufferedReader(Path.of(f)))) {
                for (var r : parser) {
                  if (rejections.size() == JobService.REJECTS_SHOWN) {
                    break;
                  }
                  Map<String, String> row = new LinkedHashMap<>(r.toMap());
                  row.replaceAll((k, v) -> Redaction.paths(v));
                  rejections.add(row);
                }
              } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not read the rejects file {}: {}", f, e.getMessage());
              }
            });
    p.setProperty("rejections", rejections);
    return answer(p);
  }

  /** A problem detail about a load, with its report. */
  static ProblemDetail problem(HttpStatus status, String type, String title, LoadOutcome outcome) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(status, Redaction.paths(outcome.shortfall()));
    p.setType(URI.create("urn:skills-observatory:problem:" + type));
    p.setTitle(title);
    p.setProperty("report", redacted(outcome));
    return p;
  }

  static ResponseEntity<?> answer(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  /** A job's state as the API shows it to a reader with an API key, with its URI. */
  public static Map<String, Object> view(JobService.Job j) {
    return view(j, true);
  }

  /**
   * A job's state as the API shows it, with its URI. No server path is named (each is cut to its
   * last name); an anonymous reader ({@code authorized} false) is not shown why a job failed, since
   * exception texts can tell about the server.
   */
  public static Map<String, Object> view(JobService.Job j, boolean authorized) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("uri", "/api/jobs/" + j.id());
    m.put("kind", j.kind());
    m.put("input", Redaction.paths(j.input()));
    m.put("state", j.state());
    m.put("createdAt", j.createdAt());
    m.put("startedAt", j.startedAt());
    m.put("finishedAt", j.finishedAt());
    m.put("progress", JobAnswers.redacted(j.progress()));
    m.put("result", JobAnswers.redacted(j.result()));
    m.put(
        "error",
        j.error() == null
            ? null
            : authorized
                ? Redaction.paths(j.error())
                : "the job failed; why is shown to a request with an API key (X-API-Key)");
    return m;
  }

  /** {@link JobService#upload}. */
  static ResponseEntity<?> upload(
      JobService jobs,
      InputStream body,
      boolean wait,
      String kind,
      String input,
      JobService.Load load) {
    if (wait) {
      Object report = load.load(body, Progress.NONE);
      if (report instanceof LoadOutcome outcome && outcome.failed()) {
        return answer(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "load-incomplete",
                "The store did not take all of the input",
                outcome));
      }
      if (report instanceof LoadOutcome outcome && !outcome.complete()) {
        return incomplete(outcome);
      }
      return ResponseEntity.ok(redacted(report));
    }
    JobService.Job job =
        jobs.submit(
            kind,
            input,
            body,
            w -> {
              try (InputStream kept = Files.newInputStream(w.body())) {
                return load.load(kept, w.progress());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(view(job));
  }
}
