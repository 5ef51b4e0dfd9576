package eu.skillsobservatory.api.jobs;

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
  public Map<String, Object> job(@PathVariable String id) {
    return jobs.job(id)
        .map(JobService::view)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id + " is known"));
  }

  @GetMapping("/api/jobs")
  public List<Map<String, Object>> recent(@RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit: 1 to 1000, not " + limit);
    }
    return jobs.recent(limit).stream().map(JobService::view).toList();
  }
}
