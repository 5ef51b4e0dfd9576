package eu.skillsobservatory.api.jobs;

import eu.skillsobservatory.api.web.ApiKeyFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/jobs/{id}}: a job's state, progress, result or error; {@code GET /api/jobs}. */
@RestController
public class JobController {
  private final JobService jobs;

  public JobController(JobService jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/api/jobs/{id}")
  public Map<String, Object> job(@PathVariable String id, HttpServletRequest request) {
    boolean authorized = request.getAttribute(ApiKeyFilter.KEY_NAME) != null;
    return jobs.job(id)
        .map(j -> JobAnswers.view(j, authorized))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id + " is known"));
  }

  /** Every recent job: read with an API key only (the filter asks for it). */
  @GetMapping("/api/jobs")
  public List<Map<String, Object>> recent(
      @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
    return jobs.recent(limit).stream().map(JobAnswers::view).toList();
  }
}
