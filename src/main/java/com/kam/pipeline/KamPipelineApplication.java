package com.kam.pipeline;

import com.kam.pipeline.system.KamProperties;
import com.kam.pipeline.system.KamVersion;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(KamProperties.class)
public class KamPipelineApplication {

    public static void main(String[] args) {
        if (KamVersion.asked(args)) {
            // which release is installed, even where its database cannot be reached
            Arrays.stream(new KamVersion().getVersion()).forEach(System.out::println);
            return;
        }
        if (args.length > 0 && args[0].equals("serve")) {
            // only the long-running service listens on HTTP (Actuator health and metrics)
            System.setProperty("spring.main.web-application-type", "servlet");
        }
        System.exit(SpringApplication.exit(SpringApplication.run(KamPipelineApplication.class, args)));
    }
}
