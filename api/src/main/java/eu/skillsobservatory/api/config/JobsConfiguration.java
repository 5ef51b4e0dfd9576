package eu.skillsobservatory.api.config;

import eu.skillsobservatory.api.jobs.JobDisk;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs' limits on the home's disk, and the settings of what a server loads on its first start
 * and of what one request may ask.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  JobsSettings.class,
  SampleSettings.Vacancies.class,
  SampleSettings.Offers.class,
  SampleSettings.Statistics.class,
  RequestSettings.Extraction.class,
  RequestSettings.Curricula.class
})
public class JobsConfiguration {
  @Bean
  JobDisk jobDisk(JobsSettings jobs) {
    return new JobDisk(
        jobs.maxQueued(),
        jobs.maxQueuedBytes().toBytes(),
        jobs.minFreeDisk().toBytes(),
        jobs.keep(),
        jobs.keepFor());
  }
}
