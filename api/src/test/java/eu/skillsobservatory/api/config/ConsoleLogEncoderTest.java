package eu.skillsobservatory.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Log lines as text by default, as one JSON object each when a structured format is named. */
class ConsoleLogEncoderTest {
  static String encode(String structured) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.putObject(
        org.springframework.core.env.Environment.class.getName(),
        new org.springframework.mock.env.MockEnvironment()
            .withProperty("spring.application.name", "observatory-test"));
    ConsoleLogEncoder e = new ConsoleLogEncoder();
    e.setContext(context);
    e.setPattern("%level %logger %msg%n");
    e.setStructuredFormat(structured);
    e.start();
    LoggingEvent event =
        new LoggingEvent(
            "test",
            context.getLogger("eu.skillsobservatory.x"),
            Level.WARN,
            "disk low",
            null,
            null);
    return new String(e.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void textByDefaultAndJsonWhenAsked() {
    assertThat(encode(""))
        .isEqualTo("WARN eu.skillsobservatory.x disk low" + System.lineSeparator());
    String json = encode("ecs");
    assertThat(json.strip()).startsWith("{").endsWith("}");
    assertThat(json).contains("\"message\":\"disk low\"", "\"level\":\"WARN\"");
  }
}
