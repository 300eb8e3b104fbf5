package com.kam.pipeline.system;

import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/** Hands the process arguments to picocli, with commands created as Spring beans. */
@Component
@ConditionalOnProperty(name = "kam.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private int exitCode;

    CommandLineEntry(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(String... args) {
        List<String> retired = RetiredSettings.stillSet((ConfigurableEnvironment) context.getEnvironment());
        if (!retired.isEmpty()) {
            retired.forEach(System.err::println);
            exitCode = KamCommand.BAD_USAGE;
            return;
        }
        exitCode = KamCommandLine.create(context).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
