package eu.skillsobservatory.api.config;

import eu.skillsobservatory.api.jobs.JobDisk;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** What the jobs of the API may take of the home's disk, and how long what they leave is kept. */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {
  @Bean
  JobDisk jobDisk(
      @Value("${observatory.jobs.max-queued:20}") int maxQueued,
      @Value("${observatory.jobs.max-queued-bytes:20GB}") DataSize maxQueuedBytes,
      @Value("${observatory.jobs.min-free-disk:1GB}") DataSize minFreeDisk,
      @Value("${observatory.jobs.keep:1000}") int keep,
      @Value("${observatory.jobs.keep-for:30d}") Duration keepFor) {
    return new JobDisk(maxQueued, maxQueuedBytes.toBytes(), minFreeDisk.toBytes(), keep, keepFor);
  }
}
