package com.kam.pipeline;

import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamCommandLine;
import com.kam.pipeline.system.KamProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(KamProperties.class)
public class KamPipelineApplication {

    public static void main(String[] args) {
        Integer answered = KamCommandLine.answerBeforeStart(args);
        if (answered != null) {
            // help, the release installed and usage errors, even where the database cannot be reached
            if (answered != KamCommand.DONE) {
                System.exit(answered);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("serve")) {
            // only the long-running service listens on HTTP (Actuator health and metrics)
            System.setProperty("spring.main.web-application-type", "servlet");
        }
        System.exit(SpringApplication.exit(SpringApplication.run(KamPipelineApplication.class, args)));
    }
}
