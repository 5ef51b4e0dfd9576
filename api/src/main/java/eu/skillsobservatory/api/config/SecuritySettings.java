package eu.skillsobservatory.api.config;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code observatory.security.*}: the API keys for writes.
 *
 * @param apiKeys the keys, hashed: {@code NAME:SHA256HEX,...} ({@code api-key new NAME} makes one)
 * @param revokedKeys names of keys that are no longer accepted
 * @param openReads whether reads need no key
 */
@ConfigurationProperties("observatory.security")
public record SecuritySettings(
    @DefaultValue List<String> apiKeys,
    @DefaultValue Set<String> revokedKeys,
    @DefaultValue("true") boolean openReads) {}
