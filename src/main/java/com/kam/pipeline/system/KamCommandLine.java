package com.kam.pipeline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;

/**
 * The {@code kam} command line: picocli with the commands created as Spring beans, and one rule
 * each for a configuration file found bad while a command runs (missing, or wrong at a line: its
 * message on standard error, exit code 2) and for a file that cannot be read or written (an
 * --out folder that cannot be created: the file and why, exit code 1), never a stack trace. A
 * command that changes the pipeline's data runs only while it holds the pipeline ({@link RunGuard}):
 * when another run holds it, the command says which and does nothing (exit code 1). A command that
 * only reads, failing on a schema this release would migrate ({@link SchemaMigration}), says where
 * the schema is instead of the SQL error alone (exit code 1).
 */
public final class KamCommandLine {

    private KamCommandLine() {
    }

    public static CommandLine create(ApplicationContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.isAnnotationPresent(CommandLine.Command.class) && context.getBeanNamesForType(type).length > 0) {
                    // a new command object per command line: picocli takes the fields' values when it
                    // builds one as the options' defaults, so a reused object would carry the last options
                    return context.getAutowireCapableBeanFactory().createBean(type);
                }
                return context.getBeanProvider(type).getIfAvailable(() -> {
                    try {
                        return CommandLine.defaultFactory().create(type);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        };
        CommandLine cli = withConverters(new CommandLine(KamCommand.class, factory));
        cli.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            List<CommandLine> commands = parsed.asCommandLineList();
            CommandLine command = commands.get(commands.size() - 1);
            if (!(command.getCommand() instanceof ChangesPipelineData)) {
                return new CommandLine.RunLast().execute(parsed);
            }
            try (RunGuard.Held held = context.getBean(RunGuard.class).hold("kam " + String.join(" ", parsed.originalArgs()))) {
                return new CommandLine.RunLast().execute(parsed);
            } catch (RunGuard.BusyException e) {
                command.getErr().println(e.getMessage());
                command.getErr().flush();
                return KamCommand.JOB_FAILED;
            }
        });
        cli.setExecutionExceptionHandler((exception, command, parsed) -> {
            if (exception instanceof ConfigException) {
                command.getErr().println("bad configuration: " + exception.getMessage());
                command.getErr().flush();
                return KamCommand.BAD_USAGE;
            }
            IOException io = exception instanceof UncheckedIOException u ? u.getCause()
                    : exception instanceof IOException e ? e : null;
            if (io != null) {
                command.getErr().println("cannot read or write a file: " + describe(io));
                command.getErr().flush();
                return KamCommand.JOB_FAILED;
            }
            if (exception instanceof DataAccessException access && command.getCommand() instanceof ReadsOnly) {
                // a command that reads, on a schema this release has not migrated (it does not migrate: SchemaMigration)
                SchemaState state = context.getBean(SchemaMigration.class).state().filter(s -> !s.upToDate()).orElse(null);
                if (state != null) {
                    command.getErr().println("cannot read the database as this release expects it (database: " + state.describe()
                            + "): " + access.getMostSpecificCause().getMessage());
                    command.getErr().flush();
                    return KamCommand.JOB_FAILED;
                }
            }
            throw exception;
        });
        return cli;
    }

    /**
     * Answers a request for help or the version ({@code --help}, {@code kam ingest --help},
     * {@code --version}), and refuses arguments that do not parse (a mistyped option), before the
     * application starts: without its database, which neither needs (they are read where no
     * database can be reached, and at once). Returns the exit code (0, or 2 for bad usage, with the
     * error and the usage on standard error), or null when the arguments ask for work, which the
     * started application does.
     */
    public static Integer answerBeforeStart(String... args) {
        CommandLine cli = withConverters(new CommandLine(KamCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // a Spring bean (a command, its shared options) is only read for its options here, never
                // run: made without its constructor, whose arguments only the started application has
                return type.isAnnotationPresent(org.springframework.stereotype.Component.class)
                        ? new org.springframework.objenesis.SpringObjenesis().newInstance(type)
                        : CommandLine.defaultFactory().create(type);
            }
        }));
        try {
            return CommandLine.executeHelpRequest(cli.parseArgs(args));
        } catch (CommandLine.ParameterException e) {
            try {
                return cli.getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception unprintable) {
                return null;
            }
        } catch (CommandLine.PicocliException e) {
            return null;
        }
    }

    private static CommandLine withConverters(CommandLine cli) {
        cli.registerConverter(java.time.LocalDate.class, KamCommandLine::date);
        return cli;
    }

    /**
     * The command the process arguments name (their first word that is no option), before picocli
     * parses them: what the database is started for ({@link SchemaMigration}). Empty for
     * {@code --help}, {@code --version} and a word that names no command.
     */
    static Optional<Class<?>> commandNamed(String... args) {
        String name = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse(null);
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(KamCommand.class.getAnnotation(CommandLine.Command.class).subcommands())
                .filter(type -> {
                    CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
                    return command != null && (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name));
                })
                .findFirst();
    }

    /** A date option's value: yyyy-MM-dd, or a message that says how to write it (picocli adds the option's name). */
    static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            boolean shaped = text.trim().matches("\\d{4}-\\d{2}-\\d{2}");
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date"
                    + (shaped && e.getCause() != null ? " (" + e.getCause().getMessage() + ")"
                    : ": write it as yyyy-MM-dd, e.g. 2026-10-31"));
        }
    }

    /** A file error in words: the file and what went wrong with it. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
