package com.kam.pipeline.system;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * The {@code kam} command line: picocli with the commands created as Spring beans, and one rule
 * for a configuration file found bad while a command runs (missing, or wrong at a line): its
 * message on standard error and exit code 2, never a stack trace.
 */
public final class KamCommandLine {

    private KamCommandLine() {
    }

    public static CommandLine create(ApplicationContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return context.getBeanProvider(type).getIfAvailable(() -> {
                    try {
                        return CommandLine.defaultFactory().create(type);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        };
        CommandLine cli = new CommandLine(KamCommand.class, factory);
        cli.setExecutionExceptionHandler((exception, command, parsed) -> {
            if (exception instanceof ConfigException) {
                command.getErr().println("bad configuration: " + exception.getMessage());
                command.getErr().flush();
                return KamCommand.BAD_USAGE;
            }
            throw exception;
        });
        return cli;
    }
}
