package com.kam.pipeline.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML files an operator edits under {@code jobs/}. A file that cannot be used is
 * refused with its path, line and reason, so the operator knows what to fix.
 */
public final class ConfigFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigFile() {
    }

    /** Reads {@code file} into {@code type}; {@code settings} names the known keys for the message. */
    public static <T> T read(Path file, Class<T> type, String settings) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toAbsolutePath(), 0, "file not found");
        }
        return read(file, () -> YAML.readValue(file.toFile(), type), settings, Map.of());
    }

    /**
     * Reads {@code text}, what {@code file} holds or once held, into {@code type}, with the same checks
     * and messages as {@link #read(Path, Class, String)}: for settings kept as text (e.g. an appraisal
     * month's) and the file they were taken from, so that both are read the same way.
     */
    public static <T> T read(Path file, String text, Class<T> type, String settings) {
        return read(file, text, type, settings, Map.of());
    }

    /**
     * As {@link #read(Path, String, Class, String)}; {@code nested} says, per type read inside
     * {@code type} (an item of a list), what to list for a mistyped key there, e.g. "settings of an
     * item are ...": the file's own settings would send the operator looking in the wrong place.
     */
    public static <T> T read(Path file, String text, Class<T> type, String settings, Map<Class<?>, String> nested) {
        return read(file, () -> YAML.readValue(text, type), settings, nested);
    }

    /** The text of {@code file} (UTF-8, a byte-order mark left out), refused when missing or not UTF-8. */
    public static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toAbsolutePath(), 0, "file not found");
        }
        try {
            String text = Files.readString(file);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(file, 0, "not UTF-8 text: save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private interface Parse<T> {
        T value() throws JacksonException;
    }

    private static <T> T read(Path file, Parse<T> parse, String settings, Map<Class<?>, String> nested) {
        T value;
        try {
            value = parse.value();
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, lineOf(file, e.getPropertyName()), "unknown setting '" + e.getPropertyName() + "'; "
                    + nested.getOrDefault(e.getReferringClass(), "settings are " + settings));
        } catch (JacksonException e) {
            throw new ConfigException(file, lineOf(e), e.getOriginalMessage());
        }
        if (value == null) {
            throw new ConfigException(file, 0, "file is empty");
        }
        return value;
    }

    /**
     * The line a YAML error is on: the one the scanner's own message names when it names one (for a
     * tab, the location Jackson gives is the token before it, a line early), else Jackson's.
     */
    public static int lineOf(JacksonException e) {
        java.util.regex.Matcher scanner = java.util.regex.Pattern.compile("in reader, line (\\d+), column")
                .matcher(String.valueOf(e.getOriginalMessage()));
        if (scanner.find()) {
            return Integer.parseInt(scanner.group(1));
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** A problem with one setting, pointing at the first line that defines it. */
    public static ConfigException error(Path file, String key, String reason) {
        return new ConfigException(file, lineOf(file, key), reason);
    }

    /** The line of the {@code occurrence}-th (from 0) line holding {@code text} outside comments; 0 if none. */
    public static int lineHolding(Path file, String text, int occurrence) {
        try {
            List<String> lines = Files.readAllLines(file);
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int comment = line.indexOf('#');
                if ((comment < 0 ? line : line.substring(0, comment)).contains(text) && seen++ == occurrence) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // the line number is a courtesy
        }
        return 0;
    }

    /** The first line of a file that defines a key, so that errors can point at it. */
    public static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":") || line.startsWith("- " + key)) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // the line number is a courtesy
        }
        return 0;
    }
}
