package eu.skillsobservatory.api.config;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The log encoder of standard error: lines in the console pattern, or, when {@code
 * logging.structured.format.console} names a structured format ({@code ecs}, {@code logstash},
 * {@code gelf}), one JSON object per line in it, for log collectors.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {
  private String pattern;
  private String structuredFormat;
  private Encoder<ILoggingEvent> delegate;

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public void setStructuredFormat(String structuredFormat) {
    this.structuredFormat = structuredFormat;
  }

  @Override
  public void start() {
    if (structuredFormat != null && !structuredFormat.isBlank()) {
      StructuredLogEncoder e = new StructuredLogEncoder();
      e.setFormat(structuredFormat.strip());
      e.setCharset(StandardCharsets.UTF_8);
      e.setContext(getContext());
      e.start();
      delegate = e;
    } else {
      PatternLayoutEncoder p = new PatternLayoutEncoder();
      p.setPattern(pattern);
      p.setCharset(StandardCharsets.UTF_8);
      p.setContext(getContext());
      p.start();
      delegate = p;
    }
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
