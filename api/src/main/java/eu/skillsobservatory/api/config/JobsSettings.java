package eu.skillsobservatory.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code observatory.jobs.*}: what the jobs of the API may take of the home's disk, and how long
 * what they leave is kept.
 *
 * @param maxQueued jobs waiting at once; more are refused with 429
 * @param maxQueuedBytes bytes of uploads waiting at once
 * @param minFreeDisk free disk below which an upload is refused with 507
 * @param keep finished jobs kept (the oldest go first)
 * @param keepFor how long a finished job is kept
 */
@ConfigurationProperties("observatory.jobs")
public record JobsSettings(
    @DefaultValue("20") int maxQueued,
    @DefaultValue("20GB") DataSize maxQueuedBytes,
    @DefaultValue("1GB") DataSize minFreeDisk,
    @DefaultValue("1000") int keep,
    @DefaultValue("30d") Duration keepFor) {}
