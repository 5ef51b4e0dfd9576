package eu.skillsobservatory.api.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code observatory.http.*}: what one request may send and how many expensive reads run at once.
 *
 * @param maxUpload bytes of an upload body (vacancies, offers, ESCO files)
 * @param maxRequest bytes of any other request body
 * @param corsOrigins origins whose pages may call the API from a browser (none by default)
 * @param maxConcurrent expensive reads (full extraction, emerging, gaps, matching) at once
 * @param busyWait how long a request waits for a free place before a 429
 */
@ConfigurationProperties("observatory.http")
public record HttpSettings(
    @DefaultValue("1GB") DataSize maxUpload,
    @DefaultValue("10MB") DataSize maxRequest,
    @DefaultValue List<String> corsOrigins,
    @DefaultValue("8") int maxConcurrent,
    @DefaultValue("2s") Duration busyWait) {}
