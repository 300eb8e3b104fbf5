package com.kam.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A log line says the day as well as the time: a service's log holds many nights. The logging
 * settings of application.yml, applied by a started application (of nothing else, to be quick).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLineTest {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss} %-5level %msg%n";

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void aLogLineStartsWithTheDateAndTheTime(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).run()) {
            LoggerFactory.getLogger("com.kam.pipeline.rollup").info("rollup 2026-12-06: done");

            assertThat(output.getOut()).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO  rollup 2026-12-06: done$");
            // a log file (LOGGING_FILE_NAME) reads the same
            assertThat(context.getEnvironment().getProperty("logging.pattern.file")).isEqualTo(PATTERN);
        }
    }
}
