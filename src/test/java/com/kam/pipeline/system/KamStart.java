package com.kam.pipeline.system;

import com.kam.pipeline.KamPipelineApplication;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts the whole application with its command line, as {@code java -jar kam-pipeline.jar} does,
 * with these settings first (as environment variables would be): what it printed and returned.
 */
final class KamStart {

    /** What one start printed and returned (exit code 1 when it did not start, as the process exits). */
    record Result(int exitCode, String output) {
    }

    private KamStart() {
    }

    static Result run(CapturedOutput output, Map<String, Object> settings, String... args) {
        int from = output.getAll().length();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        int code;
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(KamPipelineApplication.class)
                    .environment(environment).run(args);
            code = SpringApplication.exit(context);
        } catch (RuntimeException failedToStart) {
            code = KamCommand.JOB_FAILED;
        }
        return new Result(code, output.getAll().substring(from));
    }
}
