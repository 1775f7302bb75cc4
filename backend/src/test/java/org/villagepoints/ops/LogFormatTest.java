package org.villagepoints.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.TestApi;

/** The shipped logback.xml: plain lines by default, a JSON object a line with VP_LOG_FORMAT=json. */
class LogFormatTest {

  @Test
  void vpLogFormatJsonWritesOneJsonObjectPerLine() throws Exception {
    String out = logWith("json");
    String[] lines = out.strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = TestApi.JSON.readTree(lines[0]);
    assertThat(line.path("level").asText()).as(out).isEqualTo("WARN");
    assertThat(line.path("loggerName").asText()).isEqualTo("org.villagepoints.ops.LogFormatTest");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("兑换失败 household=7");
    assertThat(line.path("throwable").path("className").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(line.path("timestamp").asLong()).isPositive();
  }

  @Test
  void withoutTheSettingTheLinesArePlainText() throws Exception {
    String out = logWith(null);
    assertThat(out.lines().findFirst().orElseThrow())
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  "
            + "org\\.villagepoints\\.ops\\.LogFormatTest - 兑换失败 household=7");
    assertThat(out).contains("java.lang.IllegalStateException: 库存不足");
  }

  private static String logWith(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (format != null) {
      context.putProperty("VP_LOG_FORMAT", format);
    }
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger(LogFormatTest.class);
      log.warn("兑换失败 household={}", 7, new IllegalStateException("库存不足"));
    } finally {
      context.stop();
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
